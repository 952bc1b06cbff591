using EdgeMoE.Models.Data;
using EdgeMoE.Models.Moe.ChannelAware;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Randomness;

namespace EdgeMoE.Models.Tests.Moe.ChannelAware;

/// <summary>Stage 1 ending with the weights of its best held-out epoch: the stopping state, the copy and its restoration.</summary>
public sealed class Stage1BestWeightsTests
{
    [Fact]
    public void Stopping_progress_records_the_best_epoch_even_for_a_gain_below_the_minimum()
    {
        var stop = new ValidationStop(SyntheticImages.GaussianClusters(3, 3, 1, 4, 4, 0.3, seed: 1), MinGain: 0.05, Patience: 2);
        var progress = new StoppingProgress();
        Assert.False(progress.Observe(1, 0.50, stop));
        Assert.Equal((true, 1, 0), (progress.Improved, progress.BestEpoch, progress.Stale));

        // 0.52 beats 0.50 by less than the minimum gain: a new best, but no progress for the rule.
        Assert.False(progress.Observe(2, 0.52, stop));
        Assert.Equal((true, 2, 1, 0.52), (progress.Improved, progress.BestEpoch, progress.Stale, progress.Best));
        Assert.True(progress.Observe(3, 0.40, stop));
        Assert.Equal((false, 2, 2, 0.52), (progress.Improved, progress.BestEpoch, progress.Stale, progress.Best));

        var restored = StoppingProgress.Restored(0.52, 2, 1, 0);
        Assert.Equal((2, 1), (restored.BestEpoch, restored.Stale));
    }

    [Fact]
    public void A_stage_1_snapshot_restores_every_trained_weight_and_refuses_another_K()
    {
        var images = SyntheticImages.GaussianClusters(60, 3, 1, 28, 28, 0.3, seed: 8);
        using var model = new ChannelAwareMoe(6, 3, 1, 28, 28, 3, 8, 4);
        var before = Stage1Weights(model);
        var snapshot = model.SnapshotStage1();
        try
        {
            TwoStageTraining.TrainIdeal(model, images, new TrainingOptions(1, 20, 1e-2, 0.1), new Xoshiro256Random(3));
            Assert.NotEqual(before, Stage1Weights(model));
            model.RestoreStage1(snapshot);
            Assert.Equal(before, Stage1Weights(model));

            using var other = new ChannelAwareMoe(6, 4, 1, 28, 28, 3, 8, 4);
            Assert.Throws<ArgumentException>(() => other.RestoreStage1(snapshot));
        }
        finally
        {
            foreach (var tensor in snapshot.Values)
            {
                tensor.Dispose();
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Training_with_keep_best_ends_with_the_best_epochs_weights_and_without_it_with_the_last(bool keepBest)
    {
        // A large learning rate on a small, noisy task: the held-out accuracy goes up and down over eight epochs.
        var images = SyntheticImages.GaussianClusters(200, 4, 1, 28, 28, 1.5, seed: 21);
        var (train, held) = (images.Subset(Enumerable.Range(0, 140).ToArray()), images.Subset(Enumerable.Range(140, 60).ToArray()));
        using var model = new ChannelAwareMoe(7, 3, 1, 28, 28, 4, 8, 4);
        var seen = new List<(double Accuracy, float[] Weights)>();
        var epochs = TwoStageTraining.TrainIdeal(
            model, train, new TrainingOptions(8, 20, 2e-2, 0.1), new Xoshiro256Random(5), null, new ValidationStop(held, 0, Patience: 100),
            (_, accuracy) => seen.Add((accuracy, Stage1Weights(model))), keepBest: keepBest);

        Assert.Equal(8, epochs);
        var best = seen.FindIndex(s => s.Accuracy == seen.Max(t => t.Accuracy));
        Assert.True(seen[^1].Accuracy < seen[best].Accuracy, $"the setup needs a last epoch worse than the best: {string.Join(", ", seen.Select(s => s.Accuracy))}");
        var expected = keepBest ? seen[best] : seen[^1];
        Assert.Equal(expected.Weights, Stage1Weights(model));
        Assert.Equal(expected.Accuracy, model.IdealAccuracy(held));
    }

    private static float[] Stage1Weights(ChannelAwareMoe model) =>
        model.Stage1Modules().SelectMany(m => m.Module.state_dict().Values).SelectMany(TensorInput.ToArray).ToArray();
}
