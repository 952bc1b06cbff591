using EdgeMoE.Models.Data;
using EdgeMoE.Models.Data.Regression;
using EdgeMoE.Models.Moe.Continual;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Randomness;

namespace EdgeMoE.Models.Tests.Moe;

/// <summary>Saving a continual expert or task stream and restoring it into a fresh one continues exactly where it stood.</summary>
public sealed class ContinualExpertStateTests
{
    private static readonly LabeledImages Images = ClassSubsetImages.Images;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_restored_mlp_expert_with_its_optimiser_state_learns_the_next_task_bit_identically(bool sgd)
    {
        var groups = ClassSubsetTaskStream.Groups(5, 2, 10);
        var evaluation = ClassSubsetImages.Evaluation(groups);
        MlpContinualExpert Make(string name) => new(Images.ImageSize, 4, 10, epochs: 2, learningRate: 1e-2, evaluation, NetworkSeed.Generator(1, name), sgd);
        var stream = new ClassSubsetTaskStream(Images, groups, imagesPerTask: 8, new Xoshiro256Random(3));
        using var original = Make("expert");
        original.Fit(stream.Next().Data);
        original.Fit(stream.Next().Data);

        // A fresh expert from another seed: only the restored state can make it agree.
        using var restored = Make("other");
        using (var state = original.Save())
        {
            restored.Restore(state);
        }

        var next = stream.Next().Data;
        Assert.Equal(original.Fit(next), restored.Fit(next));
        Assert.Equal(original.ErrorByCluster(), restored.ErrorByCluster());
        using var a = original.Save();
        using var b = restored.Save();
        Assert.Equal(a.Counters, b.Counters);
        Assert.All(a.Tensors.Zip(b.Tensors), p => Assert.True(p.First.Value.eq(p.Second.Value).all().item<bool>(), p.First.Key));
    }

    [Fact]
    public void A_restored_linear_expert_continues_its_fits()
    {
        var options = new ClusteredLinearRegressionOptions { Clusters = 3, Dimension = 6, SamplesPerTask = 3 };
        var truths = Enumerable.Range(0, 3).Select(n => new ClusteredLinearRegression(options, 5).GroundTruth(n).ToArray()).ToList();
        var stream = new RegressionTaskStream(new ClusteredLinearRegression(options, 5));
        var original = new ScoredLinearExpert(truths);
        original.Fit(stream.Next().Data);
        var restored = new ScoredLinearExpert(truths);
        restored.Restore(original.Save());
        var next = stream.Next().Data;
        Assert.Equal(original.Fit(next), restored.Fit(next));
        Assert.Equal(original.Weights.ToArray(), restored.Weights.ToArray());
    }

    [Fact]
    public void A_stream_skipped_to_a_position_gives_the_same_next_tasks()
    {
        var options = new ClusteredLinearRegressionOptions { Clusters = 3, Dimension = 6, SamplesPerTask = 3 };
        var drawn = new RegressionTaskStream(new ClusteredLinearRegression(options, 9));
        for (var i = 0; i < 7; i++)
        {
            drawn.Next();
        }

        var skipped = new RegressionTaskStream(new ClusteredLinearRegression(options, 9));
        skipped.Skip(drawn.Drawn);
        Assert.Equal(drawn.Next().Data.Features, skipped.Next().Data.Features);

        var groups = ClassSubsetTaskStream.Groups(5, 2, 10);
        var images = new ClassSubsetTaskStream(Images, groups, 4, new Xoshiro256Random(4));
        images.Next();
        images.Next();
        var replayed = new ClassSubsetTaskStream(Images, groups, 4, new Xoshiro256Random(4));
        replayed.Skip(images.Drawn);
        Assert.Equal(images.Next().Data.Labels, replayed.Next().Data.Labels);
        Assert.Equal(3, replayed.Drawn);
    }
}
