using EdgeMoE.Models.Data;
using EdgeMoE.Models.Moe.Continual;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Randomness;

namespace EdgeMoE.Models.Tests.Moe;

public sealed class ClassSubsetTaskStreamTests
{
    private static readonly LabeledImages Images = ClassSubsetImages.Images;

    [Fact]
    public void Five_pairs_of_ten_classes_are_disjoint_and_cover_every_class()
    {
        var groups = ClassSubsetTaskStream.Groups(5, 2, 10);
        Assert.Equal(Enumerable.Range(0, 10), groups.SelectMany(g => g).Order());
        Assert.Equal([2, 3], groups[1]);
    }

    [Fact]
    public void A_task_holds_only_images_of_its_subset_and_its_gate_features_are_its_centred_mean_image_at_unit_length()
    {
        var groups = ClassSubsetTaskStream.Groups(5, 2, 10);
        var stream = new ClassSubsetTaskStream(Images, groups, imagesPerTask: 6, new Xoshiro256Random(1));
        var centre = Enumerable.Range(0, Images.ImageSize).Select(p => Enumerable.Range(0, Images.Count).Average(i => (double)Images.Image(i)[p])).ToArray();
        for (var k = 0; k < 20; k++)
        {
            var task = stream.Next();
            Assert.All(task.Data.Labels, label => Assert.Contains(label, groups[task.Cluster]));
            Assert.Equal(6, task.Data.Count);
            var centred = Enumerable.Range(0, task.Data.ImageSize).Select(p => Enumerable.Range(0, 6).Average(i => (double)task.Data.Image(i)[p]) - centre[p]).ToArray();
            var length = Math.Sqrt(centred.Sum(v => v * v));
            Assert.Equal(centred.Select(v => v / length).ToArray(), task.GateFeatures.ToArray(), (a, b) => Math.Abs(a - b) < 1e-9);
        }
    }

    [Fact]
    public void An_mlp_expert_moves_on_a_task_and_reports_an_error_rate_per_subset()
    {
        var groups = ClassSubsetTaskStream.Groups(5, 2, 10);
        var evaluation = ClassSubsetImages.Evaluation(groups);
        using var expert = new MlpContinualExpert(Images.ImageSize, 4, 10, epochs: 2, learningRate: 1e-2, evaluation, NetworkSeed.Generator(1, "expert"));
        var stream = new ClassSubsetTaskStream(Images, groups, imagesPerTask: 8, new Xoshiro256Random(3));
        Assert.True(expert.Fit(stream.Next().Data) > 0);
        var errors = expert.ErrorByCluster();
        Assert.Equal(5, errors.Length);
        Assert.All(errors, e => Assert.InRange(e, 0.0, 1.0));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Under_gradient_descent_a_task_the_expert_already_fits_changes_it_less_than_another_subsets_task(bool sgd)
    {
        var groups = ClassSubsetTaskStream.Groups(5, 2, 10);
        var evaluation = ClassSubsetImages.Evaluation(groups);
        var stream = new ClassSubsetTaskStream(Images, groups, imagesPerTask: 8, new Xoshiro256Random(5));
        var tasks = Enumerable.Range(0, 200).Select(_ => stream.Next()).ToList();
        var own = tasks.Where(t => t.Cluster == 0).ToList();
        var others = tasks.Where(t => t.Cluster != 0).Take(10).ToList();

        using var expert = new MlpContinualExpert(Images.ImageSize, 8, 10, epochs: 3, learningRate: sgd ? 0.1 : 1e-2, evaluation, NetworkSeed.Generator(1, "expert"), sgd);
        foreach (var task in own.Skip(10))
        {
            expert.Fit(task.Data);
        }

        var errors = expert.ErrorByCluster();
        var fitOwn = own.Take(10).Average(t => Measure(expert, t.Data));
        var fitOthers = others.Average(t => Measure(expert, t.Data));
        Assert.True(fitOwn < 0.5 * fitOthers, $"own subset {fitOwn}, others {fitOthers}");
        Assert.Equal(errors, expert.ErrorByCluster()); // measuring left it as it was
        Assert.Equal(Measure(expert, others[0].Data), expert.Fit(others[0].Data));
    }

    private static double Measure(IContinualExpert<LabeledImages> expert, LabeledImages task) => expert.ChangeToFit(task);
}
