using EdgeMoE.Models.Moe;
using EdgeMoE.Models.Moe.Federated;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Randomness;

namespace EdgeMoE.Models.Tests.Moe.Federated;

public sealed class MixtureGateTests
{
    [Fact]
    public void The_gate_learns_to_send_each_cluster_to_the_expert_that_knows_its_label()
    {
        // Three feature clusters; expert e gives the true label probability 0.9 on cluster e and 0.05 elsewhere.
        var random = new Xoshiro256Random(2);
        const int n = 300, d = 4, m = 3;
        var features = new float[n * d];
        var labelProbabilities = new float[n * m];
        var cluster = new int[n];
        for (var i = 0; i < n; i++)
        {
            cluster[i] = i % m;
            for (var k = 0; k < d; k++)
            {
                features[(i * d) + k] = (float)((k == cluster[i] ? 3.0 : 0.0) + (0.3 * random.NextDouble()));
            }

            for (var e = 0; e < m; e++)
            {
                labelProbabilities[(i * m) + e] = e == cluster[i] ? 0.9f : 0.05f;
            }
        }

        using var gate = new GatingNetwork(d, m, NetworkSeed.Generator(1, "gate"), 8);
        using var optimizer = new PinnedScalarAdam(gate.parameters(), 1e-2);
        var first = FeatureTraining.MixtureGate(gate, features, labelProbabilities, new LocalTrainingOptions(1, 30, 1e-2), 0, true, random, optimizer);
        var last = first;
        for (var round = 0; round < 20; round++)
        {
            last = FeatureTraining.MixtureGate(gate, features, labelProbabilities, new LocalTrainingOptions(1, 30, 1e-2), 0, true, random, optimizer);
        }

        var chosen = GatingNetwork.TopK(FeatureTraining.Probabilities(gate, features, n), m, 1).Select(t => t[0]).ToArray();
        Assert.True(last < first, $"loss {first} -> {last}");
        Assert.Equal(cluster, chosen);
    }
}
