using EdgeMoE.Models.Data;
using EdgeMoE.Models.Moe.Federated;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Randomness;
using EdgeMoE.Models.Vit;

namespace EdgeMoE.Models.Tests.Vit;

public sealed class MoeVitTrainingResumeTests
{
    private static readonly MoeVitOptions Options = new(Layers: 1);

    [Fact]
    public void Training_resumed_from_the_state_after_epoch_1_ends_on_the_weights_of_an_uninterrupted_run()
    {
        TorchBackend.EnsureLoaded();
        var data = Images();
        MoeVitTrainingState? afterFirst = null;
        using var uninterrupted = MoeVitTraining.Train(data, Options, 3, 8, 2e-3, 4, _ => { }, epochDone: (epoch, capture) =>
        {
            if (epoch == 1)
            {
                afterFirst = capture();
            }
        });

        using var resumed = MoeVitTraining.Train(data, Options, 3, 8, 2e-3, 4, _ => { }, afterFirst);

        Assert.NotNull(afterFirst);
        Assert.Equal(ModelWeights.Of(uninterrupted).Values, ModelWeights.Of(resumed).Values);
        // The comparison can fail: the state after epoch 1 is not the end state.
        Assert.NotEqual(afterFirst.Weights.Values, ModelWeights.Of(resumed).Values);
    }

    private static LabeledImages Images()
    {
        var random = new Xoshiro256Random(8);
        const int count = 20;
        return new LabeledImages([.. Enumerable.Range(0, count * 784).Select(_ => random.NextSingle())], [.. Enumerable.Range(0, count).Select(i => i % 10)], 1, 28, 28, 10);
    }
}
