using EdgeMoE.Models.Data;
using EdgeMoE.Models.Moe;
using EdgeMoE.Models.Moe.Federated;
using EdgeMoE.Models.Randomness;

namespace EdgeMoE.Models.Tests.Moe.Federated;

public sealed class FederatedClientStateTests
{
    private static readonly NmoeShape Shape = new(new CnnOptions(1, 8, 8, [2], 4), 3, 0, 3, 2);
    private static readonly LocalTrainingOptions Options = new(1, 8, 1e-2);

    [Fact]
    public void A_fresh_client_restored_from_a_captured_state_trains_on_exactly_like_the_original()
    {
        var data = Data(seed: 5);
        using var original = new FederatedClient(0, Shape, data, 11, "test/client-0", 0.5);
        var extractor = original.FedCeRound(Global(), Options).Weights;
        original.AdoptExtractor(ExtractorKind.FedCe, extractor);
        original.TrainExpert(ExtractorKind.FedCe, Options, FeatureStandardisation.Pool([original.TrainFeatureMoments(ExtractorKind.FedCe)]));
        original.RollGateTurn(ExtractorKind.FedCe, Gate(), Options, 0.7);
        var classifier = original.FedAvgRound(Classifier(), Options).Weights;
        var state = original.Capture();

        using var restored = new FederatedClient(0, Shape, data, 11, "test/client-0", 0.5);
        restored.Restore(state);

        // The next steps draw from the restored generators and step the restored Adam moments.
        var (a, lossA, _) = original.FedAvgRound(classifier, Options);
        var (b, lossB, _) = restored.FedAvgRound(classifier, Options);
        Assert.Equal(lossA, lossB);
        Assert.Equal(a.Values, b.Values);
        var (gateA, _) = original.RollGateTurn(ExtractorKind.FedCe, Gate(), Options, 0.7);
        var (gateB, _) = restored.RollGateTurn(ExtractorKind.FedCe, Gate(), Options, 0.7);
        Assert.Equal(gateA.Values, gateB.Values);
        Assert.Equal(original.Route(ExtractorKind.FedCe, GateKind.RanGate, null), restored.Route(ExtractorKind.FedCe, GateKind.RanGate, null));
    }

    [Fact]
    public void A_client_that_was_not_restored_trains_differently_so_the_comparison_can_fail()
    {
        var data = Data(seed: 5);
        using var original = new FederatedClient(0, Shape, data, 11, "test/client-0", 0.5);
        var classifier = original.FedAvgRound(Classifier(), Options).Weights;
        using var fresh = new FederatedClient(0, Shape, data, 11, "test/client-0", 0.5);
        Assert.NotEqual(original.FedAvgRound(classifier, Options).Weights.Values, fresh.FedAvgRound(classifier, Options).Weights.Values);
    }

    private static ModelWeights Global()
    {
        using var extractor = Shape.NewExtractor(EdgeMoE.Models.Nn.NetworkSeed.Generator(3, "global"));
        return ModelWeights.Of(extractor);
    }

    private static ModelWeights Classifier()
    {
        using var classifier = Shape.NewClassifier(EdgeMoE.Models.Nn.NetworkSeed.Generator(3, "classifier"));
        return ModelWeights.Of(classifier);
    }

    private static ModelWeights Gate()
    {
        using var gate = Shape.NewGate(EdgeMoE.Models.Nn.NetworkSeed.Generator(3, "gate"));
        return ModelWeights.Of(gate);
    }

    private static ClientDataSplit Data(int seed)
    {
        var random = new Xoshiro256Random((ulong)seed);
        LabeledImages Images(int count) => new(
            [.. Enumerable.Range(0, count * 64).Select(_ => random.NextSingle())], [.. Enumerable.Range(0, count).Select(i => i % 3)], 1, 8, 8, 3);
        return new ClientDataSplit(Images(24), Images(12));
    }
}
