using EdgeMoE.Models.Moe.Federated;

namespace EdgeMoE.Models.Tests.Moe.Federated;

public sealed class FedAvgTests
{
    [Fact]
    public void The_average_weights_each_client_by_its_samples()
    {
        var a = new ModelWeights(["w", "b"], [[1f, 2f], [10f]]);
        var b = new ModelWeights(["w", "b"], [[4f, -1f], [40f]]);
        var average = FedAvg.Average([a, b], [100, 200]);
        Assert.Equal(["w", "b"], average.Names);
        Assert.Equal([3f, 0f], average.Values[0]);
        Assert.Equal([30f], average.Values[1]);
    }

    [Fact]
    public void One_update_is_returned_unchanged()
    {
        var a = new ModelWeights(["w"], [[0.1f, 0.2f, 0.3f]]);
        Assert.Equal(a.Values[0], FedAvg.Average([a], [7]).Values[0]);
    }

    [Fact]
    public void Updates_of_different_shapes_are_refused()
    {
        var a = new ModelWeights(["w"], [[1f, 2f]]);
        var b = new ModelWeights(["w"], [[1f]]);
        Assert.Throws<ArgumentException>(() => FedAvg.Average([a, b], [1, 1]));
        Assert.Throws<ArgumentException>(() => FedAvg.Average([a], [0]));
    }

    [Fact]
    public void Weights_read_from_a_network_load_back_into_another_of_the_same_shape()
    {
        var shape = new NmoeShape(new EdgeMoE.Models.Moe.CnnOptions(1, 8, 8, [2], 4), 3, 0, 3, 2);
        using var first = shape.NewClassifier(EdgeMoE.Models.Nn.NetworkSeed.Generator(1, "a"));
        using var second = shape.NewClassifier(EdgeMoE.Models.Nn.NetworkSeed.Generator(1, "b"));
        var weights = ModelWeights.Of(first.Extractor);
        weights.LoadInto(second.Extractor);
        Assert.Equal(weights.Values, ModelWeights.Of(second.Extractor).Values);
        Assert.NotEqual(ModelWeights.Of(first.Head).Values, ModelWeights.Of(second.Head).Values);
    }
}
