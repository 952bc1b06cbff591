using EdgeMoE.Models.Randomness;
using EdgeMoE.Policies.Mec;

namespace EdgeMoE.Policies.Tests.Mec;

public sealed class AdaptiveGateTests
{
    private static AdaptiveGate Gate(int experts, double noise = 0.3, int stop = 100, double gap = 0) =>
        new(new AdaptiveGateOptions(experts, Dimension: 3, LearningRate: 1.0, LoadBalanceWeight: 0.0, ExplorationNoise: noise, StopStep: stop, StopGap: gap), new Xoshiro256Random(7));

    [Fact]
    public void Only_available_servers_are_chosen_and_none_means_minus_one()
    {
        var gate = Gate(4);
        for (var k = 0; k < 50; k++)
        {
            var chosen = gate.Choose([1, 0, 0], [false, true, false, true]);
            Assert.True(chosen is 1 or 3, $"chose {chosen}");
        }

        Assert.Equal(-1, gate.Choose([1, 0, 0], [false, false, false, false]));
    }

    [Fact]
    public void A_large_model_change_lowers_the_chosen_servers_score_for_that_feature_direction()
    {
        var gate = Gate(3, noise: 0);
        gate.Learn(1, [1, 0, 0], chosen: 0, modelChange: 2.0);
        var pi = gate.Softmax([1, 0, 0]);
        Assert.True(pi[0] < pi[1] && pi[0] < pi[2], string.Join(", ", pi));
        Assert.Equal(pi[1], pi[2], 12);
        // Other feature directions are untouched.
        Assert.Equal(1.0 / 3, gate.Softmax([0, 1, 0])[0], 12);
    }

    [Fact]
    public void With_an_infinite_gap_the_gate_learns_on_every_task_after_T1()
    {
        var gate = Gate(2, stop: 0, gap: double.PositiveInfinity);
        gate.Learn(1, [0, 1, 0], chosen: 0, modelChange: 5.0);
        var before = gate.Parameters(0).ToArray();
        gate.Learn(50, [1, 0, 0], chosen: 0, modelChange: 5.0);
        Assert.NotEqual(before, gate.Parameters(0).ToArray());
        Assert.Null(gate.StoppedAt);
    }

    [Fact]
    public void The_gate_stops_once_every_server_has_differed_from_a_routed_one_by_more_than_gamma()
    {
        var gate = Gate(2, stop: 0, gap: 0.5);
        // Server 1 changed a lot on direction e_0, so server 0's score there rises: h = (0.2, −0.2), gap 0.4 ≤ Γ.
        gate.Learn(1, [1, 0, 0], chosen: 1, modelChange: 0.8);
        Assert.Equal(0.2, gate.Parameters(0)[0], 12);
        Assert.Equal(-0.2, gate.Parameters(1)[0], 12);
        // Checked before this step's update: 0.4 ≤ Γ clears nothing, and the step widens the gap beyond Γ.
        gate.Learn(2, [1, 0, 0], chosen: 1, modelChange: 2.0);
        Assert.Null(gate.StoppedAt);
        Assert.True(gate.Parameters(0)[0] - gate.Parameters(1)[0] > 0.5, "the gap should now exceed Γ");
        // Routed to server 0: server 1's flag clears, server 0's (the routed one) stays, so the gate still learns.
        gate.Learn(3, [1, 0, 0], chosen: 0, modelChange: 0.0);
        Assert.Null(gate.StoppedAt);
        // Routed to server 1: server 0's flag clears too; the gate stops here and later changes move nothing.
        gate.Learn(4, [1, 0, 0], chosen: 1, modelChange: 9.0);
        Assert.Equal(4, gate.StoppedAt);
        var frozen = gate.Parameters(0).ToArray();
        gate.Learn(5, [0, 1, 0], chosen: 1, modelChange: 9.0);
        Assert.Equal(frozen, gate.Parameters(0).ToArray());
    }

    [Fact]
    public void The_gradient_step_matches_finite_differences_of_the_loss()
    {
        // L = Σ_m c_m π_m with c = (‖Δw‖ on the chosen server) + α·M·f: compare the analytic step with central differences.
        const double eta = 1e-3;
        var options = new AdaptiveGateOptions(3, 2, eta, LoadBalanceWeight: 0.5, ExplorationNoise: 0, StopStep: 10);
        var gate = new AdaptiveGate(options, new Xoshiro256Random(1));
        gate.Learn(1, [0.3, -0.2], chosen: 1, modelChange: 0.7);
        double[] x = [0.5, 0.4];
        var theta = Enumerable.Range(0, 3).Select(m => gate.Parameters(m).ToArray()).ToArray();
        // Both tasks went to server 1, so f = (0, 1, 0) after the second.
        var c = new[] { 0.0, (0.5 * 3 * 1.0) + 1.3, 0.0 };
        gate.Learn(2, x, chosen: 1, modelChange: 1.3);
        AssertStepMatchesFiniteDifferences(gate, theta, x, c, eta);
    }

    [Fact]
    public void With_every_server_locality_the_gradient_step_matches_finite_differences_of_the_loss()
    {
        // c_m = ‖Δw_m‖ of every server (the change it made or would make) + α·M·f_m.
        const double eta = 1e-3;
        var options = new AdaptiveGateOptions(3, 2, eta, LoadBalanceWeight: 0.5, ExplorationNoise: 0, StopStep: 10, EveryServerLocality: true);
        var gate = new AdaptiveGate(options, new Xoshiro256Random(1));
        Assert.True(gate.LearnsFromEveryServer);
        gate.LearnFromEvery(1, [0.3, -0.2], chosen: 1, [0.4, 0.7, 2.0]);
        double[] x = [0.5, 0.4];
        var theta = Enumerable.Range(0, 3).Select(m => gate.Parameters(m).ToArray()).ToArray();
        double[] changes = [2.5, 1.3, 0.2];
        // Both tasks went to server 1, so f = (0, 1, 0) after the second.
        var c = new[] { changes[0], (0.5 * 3 * 1.0) + changes[1], changes[2] };
        gate.LearnFromEvery(2, x, chosen: 1, changes);
        AssertStepMatchesFiniteDifferences(gate, theta, x, c, eta);
    }

    [Fact]
    public void Every_server_locality_moves_a_task_towards_the_server_that_fits_it_and_away_from_one_that_changed_a_lot()
    {
        var options = new AdaptiveGateOptions(3, 3, LearningRate: 1.0, LoadBalanceWeight: 0, ExplorationNoise: 0, StopStep: 100, EveryServerLocality: true);
        var gate = new AdaptiveGate(options, new Xoshiro256Random(7));
        // Server 0 took the task and changed by 3; server 1 would have changed by 0.1, server 2 by 1.5 (mean 1.53).
        gate.LearnFromEvery(1, [1, 0, 0], chosen: 0, [3.0, 0.1, 1.5]);
        var pi = gate.Softmax([1, 0, 0]);
        Assert.True(pi[1] > pi[2] && pi[2] > pi[0], string.Join(", ", pi));
        Assert.True(pi[1] > 1.0 / 3, "the server that fits the task should gain");

        // The literal form (only the routed server changed) can only push the task away from the server that took it.
        var routedOnly = Gate(3, noise: 0);
        Assert.False(routedOnly.LearnsFromEveryServer);
        routedOnly.LearnFromEvery(1, [1, 0, 0], chosen: 0, [0.1, 0.0, 0.0]);
        var literal = routedOnly.Softmax([1, 0, 0]);
        Assert.True(literal[0] < 1.0 / 3 && literal[1] > 1.0 / 3, string.Join(", ", literal));
    }

    // θ after the step must be θ − η·∇L, with ∇L by central differences of the loss Σ_m c_m·π_m at the θ before it.
    private static void AssertStepMatchesFiniteDifferences(AdaptiveGate gate, double[][] theta, double[] x, double[] c, double eta)
    {
        for (var k = 0; k < theta.Length; k++)
        {
            for (var i = 0; i < x.Length; i++)
            {
                var plus = Loss(theta, x, c, k, i, 1e-6);
                var minus = Loss(theta, x, c, k, i, -1e-6);
                var expected = theta[k][i] - (eta * (plus - minus) / 2e-6);
                Assert.Equal(expected, gate.Parameters(k)[i], 9);
            }
        }
    }

    private static double Loss(double[][] theta, double[] x, double[] c, int k, int i, double shift)
    {
        var h = theta.Select((t, m) => t.Zip(x, (a, b) => a * b).Sum() + (m == k ? shift * x[i] : 0)).ToArray();
        var max = h.Max();
        var e = h.Select(v => Math.Exp(v - max)).ToArray();
        var total = e.Sum();
        return e.Select((v, m) => c[m] * v / total).Sum();
    }
}
