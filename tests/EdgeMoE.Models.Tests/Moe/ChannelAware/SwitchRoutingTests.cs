using EdgeMoE.Models.Data;
using EdgeMoE.Models.Moe.ChannelAware;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Randomness;
using TorchSharp;

namespace EdgeMoE.Models.Tests.Moe.ChannelAware;

public sealed class SwitchRoutingTests
{
    [Fact]
    public void Cross_entropy_is_that_of_the_top_1_experts_logits_scaled_by_its_gate_probability()
    {
        using var scope = torch.NewDisposeScope();

        // Two rows, two experts, three classes: row 0 picks expert 1 (g = 0.731), row 1 expert 0 (g = 0.881).
        var gateLogits = torch.tensor(new float[] { 0, 1, 2, 0 }).reshape(2, 2);
        var expertLogits = torch.tensor(new float[] { 9, 9, 9, 1, 2, 3, 4, 0, 0, 5, 5, 5 }).reshape(2, 2, 3);
        var labels = torch.tensor(new long[] { 2, 0 });
        var g0 = 1 / (1 + Math.Exp(-1));
        var g1 = 1 / (1 + Math.Exp(-2));
        double Ce(double g, double[] logits, int label) =>
            -((g * logits[label]) - Math.Log(logits.Sum(l => Math.Exp(g * l))));
        var expected = (Ce(g0, [1, 2, 3], 2) + Ce(g1, [4, 0, 0], 0)) / 2;
        Assert.Equal(expected, SwitchRouting.CrossEntropy(gateLogits, expertLogits, labels).item<float>(), 5);
    }

    [Fact]
    public void The_gate_gets_a_gradient_and_only_the_chosen_expert_of_a_row_does()
    {
        using var scope = torch.NewDisposeScope();
        var gateLogits = torch.tensor(new float[] { 0, 1, 2, 0 }).reshape(2, 2).requires_grad_();
        var expertLogits = torch.tensor(new float[] { 9, 9, 9, 1, 2, 3, 4, 0, 0, 5, 5, 5 }).reshape(2, 2, 3).requires_grad_();
        SwitchRouting.CrossEntropy(gateLogits, expertLogits, torch.tensor(new long[] { 2, 0 })).backward();
        var gate = TensorInput.ToArray(gateLogits.grad!);
        Assert.All(gate, v => Assert.True(Math.Abs(v) > 1e-4, $"gate gradient {v}"));

        // Rows are right (label = the expert's argmax): a larger g_k* sharpens a right answer, so the chosen logit's gradient is negative.
        Assert.True(gate[1] < 0 && gate[2] < 0, $"gate gradients {string.Join(", ", gate)}");
        var experts = TensorInput.ToArray(expertLogits.grad!);
        Assert.All(experts[0..3].Concat(experts[9..12]), v => Assert.Equal(0f, v));
        Assert.Contains(experts[3..6], v => v != 0);
        Assert.Contains(experts[6..9], v => v != 0);
    }

    [Fact]
    public void Stage_1_with_the_switch_loss_learns_and_differs_from_the_mixture_loss()
    {
        // Switch learns more slowly here than the mixture (the gate's g ~ 1/K first shrinks the logits; on this toy
        // it is at 0.68 after 10 epochs where the mixture is at 1.0), so the bar is twice chance, not the mixture's.
        var images = SyntheticImages.GaussianClusters(240, 4, 1, 28, 28, 0.1, seed: 6);
        var (train, held) = (images.Subset(Enumerable.Range(0, 180).ToArray()), images.Subset(Enumerable.Range(180, 60).ToArray()));
        float[] Train(Stage1Loss loss, List<double> losses, out double accuracy)
        {
            using var model = new ChannelAwareMoe(6, 2, 1, 28, 28, 4, 16, 8);
            TwoStageTraining.TrainIdeal(model, train, new TrainingOptions(10, 30, 3e-3, 0.1), new Xoshiro256Random(15), (_, l) => losses.Add(l), loss: loss);
            accuracy = model.IdealAccuracy(held);
            return model.NaiveGate.parameters().SelectMany(p => TensorInput.ToArray(p)).ToArray();
        }

        var switchLosses = new List<double>();
        var switchGate = Train(Stage1Loss.Switch, switchLosses, out var switchAccuracy);
        var mixtureGate = Train(Stage1Loss.Mixture, [], out _);
        Assert.True(switchLosses[^1] < 0.7 * switchLosses[0], $"Switch losses {string.Join(", ", switchLosses)}");
        Assert.True(switchAccuracy > 0.5, $"held-out accuracy {switchAccuracy} after Switch training (chance 0.25)");
        Assert.NotEqual(mixtureGate, switchGate);
    }
}
