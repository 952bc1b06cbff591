using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Serialization;
using TorchSharp;

namespace EdgeMoE.Models.Tests.Nn;

[Collection(TorchThreadCount.Name)]
public sealed class DeterminismTests
{
    [Fact]
    public void Same_seed_gives_bit_identical_weights_outputs_and_losses_and_another_seed_differs()
    {
        var a = Train(seed: 5);
        var b = Train(seed: 5);
        var c = Train(seed: 6);
        Assert.Equal(a.Initial, b.Initial);
        Assert.Equal(a.Losses, b.Losses);
        Assert.Equal(a.Weights, b.Weights);
        Assert.Equal(a.Outputs, b.Outputs);
        Assert.NotEqual(a.Initial, c.Initial);
        Assert.NotEqual(a.Losses, c.Losses);
    }

    [Fact]
    public void A_networks_seed_depends_on_the_run_seed_and_its_stable_name()
    {
        Assert.Equal(NetworkSeed.For(1, "expert-3"), NetworkSeed.For(1, "expert-3"));
        Assert.NotEqual(NetworkSeed.For(1, "expert-3"), NetworkSeed.For(1, "expert-4"));
        Assert.NotEqual(NetworkSeed.For(1, "expert-3"), NetworkSeed.For(2, "expert-3"));
    }

    [Fact]
    public void Training_reduces_the_loss_on_a_fixed_batch()
    {
        var losses = Train(seed: 7, steps: 12).Losses;
        Assert.True(losses[^1] < losses[0] * 0.7, $"loss went from {losses[0]} to {losses[^1]}");
    }

    private static (byte[] Initial, float[] Losses, byte[] Weights, float[] Outputs) Train(int seed, int steps = 3)
    {
        var previous = TorchThreads.Current;
        TorchThreads.Set(1);
        try
        {
            var random = new Random(seed);
            using var generator = NetworkSeed.Generator(seed, "small-cnn");
            using var model = new SmallCnn(generator);
            var initial = Weights(model);
            var trainer = new ClassifierTrainer(model, new PinnedScalarAdam(model.parameters(), lr: 1e-3));
            var pixels = Enumerable.Range(0, 8 * 784).Select(_ => (float)random.NextDouble()).ToArray();
            var labels = Enumerable.Range(0, 8).Select(i => i % 10).ToArray();
            var losses = Enumerable.Range(0, steps).Select(_ => trainer.Step(pixels, labels, 1, 28, 28)).ToArray();
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            var outputs = TensorInput.ToArray(model.forward(TensorInput.Floats(pixels, 8, 1, 28, 28)));
            return (initial, losses, Weights(model), outputs);
        }
        finally
        {
            TorchThreads.Set(previous);
        }
    }

    private static byte[] Weights(torch.nn.Module model)
    {
        using var buffer = new MemoryStream();
        SafeTensors.Save(buffer, model.state_dict());
        return buffer.ToArray();
    }
}
