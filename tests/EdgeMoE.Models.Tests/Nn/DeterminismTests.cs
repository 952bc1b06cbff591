using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Optim;
using EdgeMoE.Models.Serialization;

namespace EdgeMoE.Models.Tests.Nn;

public sealed class DeterminismTests
{
    [Fact]
    public void Same_seed_gives_bit_identical_losses_and_weights_after_training()
    {
        var (lossesA, weightsA) = Train(seed: 5);
        var (lossesB, weightsB) = Train(seed: 5);
        var (lossesC, _) = Train(seed: 6);
        Assert.Equal(lossesA, lossesB);
        Assert.Equal(weightsA, weightsB);
        Assert.NotEqual(lossesA, lossesC);
    }

    [Fact]
    public void Training_reduces_the_loss_on_a_fixed_batch()
    {
        var (losses, _) = Train(seed: 7, steps: 12);
        Assert.True(losses[^1] < losses[0] * 0.7, $"loss went from {losses[0]} to {losses[^1]}");
    }

    private static (float[] Losses, byte[] Weights) Train(int seed, int steps = 3)
    {
        var random = new Random(seed);
        var model = new SmallCnn(random);
        var trainer = new ClassifierTrainer(model, new Adam(model.Parameters(), new Adam.Options(LearningRate: 1e-3f)));
        var pixels = Enumerable.Range(0, 8 * 784).Select(_ => (float)random.NextDouble()).ToArray();
        var labels = Enumerable.Range(0, 8).Select(i => i % 10).ToArray();
        var losses = Enumerable.Range(0, steps).Select(_ => trainer.Step(pixels, labels, 1, 28, 28)).ToArray();
        using var buffer = new MemoryStream();
        SafeTensors.Save(buffer, model.NamedParameters());
        return (losses, buffer.ToArray());
    }
}
