using EdgeMoE.Models.Data;
using EdgeMoE.Models.Moe.ChannelAware;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Randomness;

namespace EdgeMoE.Models.Tests.Moe.ChannelAware;

/// <summary>Stage 1 lowering its learning rate at a held-out stall before a stall stops it.</summary>
public sealed class Stage1RateDropsTests
{
    private static readonly LabeledImages Images = SyntheticImages.GaussianClusters(200, 4, 1, 28, 28, 1.5, seed: 21);

    [Fact]
    public void A_stall_drops_the_rate_and_restarts_the_count_until_no_drops_are_left_then_stops()
    {
        var stop = new ValidationStop(Images, MinGain: 0.05, Patience: 2, RateDrops: 2, RateFactor: 0.5);
        var progress = new StoppingProgress();
        Assert.False(progress.Observe(1, 0.50, stop));
        Assert.False(progress.Observe(2, 0.51, stop));
        Assert.Equal((1, 0, false), (progress.Stale, progress.Drops, progress.Dropped));

        // The second epoch in a row without a 5-point gain: a drop, not a stop, and the count starts again.
        Assert.False(progress.Observe(3, 0.52, stop));
        Assert.Equal((0, 1, true), (progress.Stale, progress.Drops, progress.Dropped));
        Assert.Equal(0.5e-3, progress.Rate(1e-3, stop));
        Assert.False(progress.Observe(4, 0.60, stop));
        Assert.Equal((0, 1, false, 4), (progress.Stale, progress.Drops, progress.Dropped, progress.BestEpoch));
        Assert.False(progress.Observe(5, 0.60, stop));
        Assert.False(progress.Observe(6, 0.60, stop));
        Assert.Equal((2, true), (progress.Drops, progress.Dropped));
        Assert.Equal(0.25e-3, progress.Rate(1e-3, stop));
        Assert.False(progress.Observe(7, 0.61, stop));

        // No drops left: the next stall stops.
        Assert.True(progress.Observe(8, 0.59, stop));
        Assert.Equal((2, false, 0.61, 7), (progress.Drops, progress.Dropped, progress.Best, progress.BestEpoch));

        var restored = StoppingProgress.Restored(0.61, 7, 1, 2);
        Assert.Equal((2, 0.25e-3), (restored.Drops, restored.Rate(1e-3, stop)));
    }

    [Fact]
    public void Without_drops_the_first_stall_stops()
    {
        var stop = new ValidationStop(Images, MinGain: 0.05, Patience: 1);
        var progress = new StoppingProgress();
        Assert.False(progress.Observe(1, 0.50, stop));
        Assert.True(progress.Observe(2, 0.50, stop));
        Assert.Equal((0, false), (progress.Drops, progress.Dropped));
    }

    [Fact]
    public void Training_lowers_the_rate_at_each_stall_as_a_hand_written_schedule_does()
    {
        // A minimum gain of 100 points: every epoch after the first stalls. Patience 1 and 2 drops by half: epochs 1-2 at
        // the rate, the drops after epochs 2 and 3, the stop after epoch 4.
        var (train, held) = (Images.Subset(Enumerable.Range(0, 140).ToArray()), Images.Subset(Enumerable.Range(140, 60).ToArray()));
        var options = new TrainingOptions(10, 20, 1e-2, 0.1);
        using var trained = new ChannelAwareMoe(7, 3, 1, 28, 28, 4, 8, 4);
        var epochs = TwoStageTraining.TrainIdeal(trained, train, options, new Xoshiro256Random(5), stop: new ValidationStop(held, 1.0, 1, RateDrops: 2, RateFactor: 0.5));
        Assert.Equal(4, epochs);

        using var dropped = ByHand(train, options, [1e-2, 1e-2, 0.5e-2, 0.25e-2]);
        using var constant = ByHand(train, options, [1e-2, 1e-2, 1e-2, 1e-2]);
        Assert.Equal(Weights(trained), Weights(dropped));
        Assert.NotEqual(Weights(trained), Weights(constant));
    }

    private static ChannelAwareMoe ByHand(LabeledImages train, TrainingOptions options, double[] rates)
    {
        var model = new ChannelAwareMoe(7, 3, 1, 28, 28, 4, 8, 4);
        using var optimizer = TwoStageTraining.IdealOptimizer(model, options);
        var random = new Xoshiro256Random(5);
        foreach (var rate in rates)
        {
            TwoStageTraining.SetRate(optimizer, rate);
            TwoStageTraining.IdealEpoch(model, train, options, random, optimizer);
        }

        return model;
    }

    private static float[] Weights(ChannelAwareMoe model) =>
        model.Stage1Modules().SelectMany(m => m.Module.state_dict().Values).SelectMany(TensorInput.ToArray).ToArray();
}
