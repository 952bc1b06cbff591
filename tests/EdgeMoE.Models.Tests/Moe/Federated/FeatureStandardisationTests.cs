using EdgeMoE.Models.Data;
using EdgeMoE.Models.Moe;
using EdgeMoE.Models.Moe.Federated;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Randomness;
using TorchSharp;

namespace EdgeMoE.Models.Tests.Moe.Federated;

public sealed class FeatureStandardisationTests
{
    [Fact]
    public void Pooled_moments_give_the_mean_and_spread_of_the_union_of_the_clients_features()
    {
        // Feature 0 over the union {1, 2, 3, 6}: mean 3, variance (4 + 1 + 0 + 9) / 4 = 3.5. Feature 1 never varies.
        float[] a = [1f, 5f, 2f, 5f];
        float[] b = [3f, 5f, 6f, 5f];
        var standardisation = FeatureStandardisation.Pool([FeatureMoments.Of(a, 2), FeatureMoments.Of(b, 2)]);
        Assert.Equal([3f, 5f], standardisation.Mean);
        Assert.Equal(Math.Sqrt(3.5), standardisation.Scale[0], 5);
        Assert.Equal(1f, standardisation.Scale[1]);
        var z = standardisation.Apply(b);
        Assert.Equal(0 / Math.Sqrt(3.5), z[0], 5);
        Assert.Equal(3 / Math.Sqrt(3.5), z[2], 5);
        Assert.Equal(0f, z[1]);
    }

    [Fact]
    public void A_head_folded_for_standardised_features_computes_what_it_computed_on_raw_ones()
    {
        var random = new Xoshiro256Random(4);
        const int n = 20, d = 6;
        var raw = Enumerable.Range(0, n * d).Select(_ => 0.05f * random.NextSingle()).ToArray();
        var standardisation = FeatureStandardisation.Pool([FeatureMoments.Of(raw, d)]);
        using var head = new MlpExpert(d, [5, 5, 5], 3, NetworkSeed.Generator(1, "head"));
        using var folded = new MlpExpert(d, [5, 5, 5], 3, NetworkSeed.Generator(2, "other"));
        standardisation.FoldIntoFirstLayer(ModelWeights.Of(head)).LoadInto(folded);

        var before = FeatureTraining.Probabilities(head, raw, n);
        var after = FeatureTraining.Probabilities(folded, standardisation.Apply(raw), n);
        for (var k = 0; k < before.Length; k++)
        {
            Assert.Equal(before[k], after[k], 4);
        }
    }

    [Fact]
    public void After_stage_2_a_client_holds_its_features_standardised_so_gates_and_peers_read_them_alike()
    {
        var shape = new NmoeShape(new CnnOptions(1, 8, 8, [2], 4), 3, 0, 3, 2);
        var random = new Xoshiro256Random(6);
        LabeledImages Images(int count) => new(
            [.. Enumerable.Range(0, count * 64).Select(_ => random.NextSingle())], [.. Enumerable.Range(0, count).Select(i => i % 3)], 1, 8, 8, 3);
        using var client = new FederatedClient(0, shape, new ClientDataSplit(Images(40), Images(10)), 3, "test/client-0", 1);
        var moments = client.TrainFeatureMoments(ExtractorKind.FedSc);
        client.TrainExpert(ExtractorKind.FedSc, new LocalTrainingOptions(1, 10, 1e-3), FeatureStandardisation.Pool([moments]));

        var features = client.Features(ExtractorKind.FedSc, test: false);
        for (var j = 0; j < shape.FeatureSize; j++)
        {
            var column = Enumerable.Range(0, 40).Select(i => (double)features[(i * shape.FeatureSize) + j]).ToList();
            var variance = moments.SumOfSquares[j] / 40 - Math.Pow(moments.Sum[j] / 40, 2);
            Assert.Equal(0, column.Average(), 4);
            Assert.Equal(variance > FeatureStandardisation.MinimumVariance ? 1 : 0, column.Average(v => v * v), 3);
        }
    }

    [Fact]
    public void A_personal_expert_on_standardised_features_of_an_untrained_extractor_learns_the_classes()
    {
        // The scenario's networks on 1,000 synthetic 28 x 28 images of 10 classes, stage 2's 5 epochs at 1e-3. The raw
        // features of an extractor that has barely moved from its initialisation (as after FedSC) are about 0.03: on them the
        // expert reached 24 % (measured); standardised, 81 %.
        var shape = new NmoeShape(new CnnOptions(1, 28, 28, [8, 16], 64), 64, 64, 10, 10);
        var all = SyntheticImages.GaussianClusters(1500, 10, 1, 28, 28, 0.3, 5);
        var data = new ClientDataSplit(all.Subset([.. Enumerable.Range(0, 1000)]), all.Subset([.. Enumerable.Range(1000, 500)]));
        using var client = new FederatedClient(0, shape, data, 3, "test/client-0", 1);
        client.TrainExpert(ExtractorKind.FedSc, new LocalTrainingOptions(5, 50, 1e-3), FeatureStandardisation.Pool([client.TrainFeatureMoments(ExtractorKind.FedSc)]));

        var metrics = client.Metrics(client.ExpertProbabilities(ExtractorKind.FedSc, client.Features(ExtractorKind.FedSc, test: true), 500));
        Assert.True(metrics.Accuracy > 0.6, $"accuracy {metrics.Accuracy}");
    }
}
