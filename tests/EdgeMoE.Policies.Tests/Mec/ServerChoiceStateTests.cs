using EdgeMoE.Models.Randomness;
using EdgeMoE.Policies.Mec;

namespace EdgeMoE.Policies.Tests.Mec;

/// <summary>A routing method restored from its saved state chooses and learns exactly as the original goes on to.</summary>
public sealed class ServerChoiceStateTests
{
    [Fact]
    public void A_restored_adaptive_gate_continues_with_the_same_choices_parameters_and_stop_step()
    {
        var options = new AdaptiveGateOptions(4, 3, 0.5, LoadBalanceWeight: 0.5, ExplorationNoise: 0.3, StopStep: 5, StopGap: 0.05);
        var original = new AdaptiveGate(options, new Xoshiro256Random(1));
        var features = new Xoshiro256Random(2);
        bool[] available = [true, true, false, true];
        double[] Task() => [features.NextDouble(), features.NextDouble(), features.NextDouble()];
        for (var t = 1; t <= 8; t++)
        {
            var x = Task();
            original.Learn(t, x, original.Choose(x, available), modelChange: t * 0.1);
        }

        var restored = new AdaptiveGate(options, new Xoshiro256Random(99));
        restored.Restore(original.Save());
        for (var t = 9; t <= 30; t++)
        {
            var x = Task();
            var chosen = original.Choose(x, available);
            Assert.Equal(chosen, restored.Choose(x, available));
            original.Learn(t, x, chosen, modelChange: t * 0.1);
            restored.Learn(t, x, chosen, modelChange: t * 0.1);
        }

        Assert.Equal(original.StoppedAt, restored.StoppedAt);
        Assert.Equal(original.Save().Values, restored.Save().Values);
        Assert.Equal(original.Save().Counters, restored.Save().Counters);
    }

    [Fact]
    public void A_restored_random_choice_draws_the_same_servers_and_a_fixed_rule_has_no_state()
    {
        var original = new RandomServerChoice(new Xoshiro256Random(3));
        bool[] available = [true, false, true, true];
        original.Choose([], available);
        var restored = new RandomServerChoice(new Xoshiro256Random(4));
        restored.Restore(original.Save());
        Assert.Equal(Enumerable.Range(0, 20).Select(_ => original.Choose([], available)), Enumerable.Range(0, 20).Select(_ => restored.Choose([], available)));

        IServerChoice nearest = FixedRankServerChoice.Nearest([3.0, 1.0]);
        Assert.Same(ServerChoiceState.Empty, nearest.Save());
        Assert.Throws<ArgumentException>(() => nearest.Restore(new ServerChoiceState([1.0], [], [])));
    }
}
