using EdgeMoE.Models.Moe;
using EdgeMoE.Models.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Tests.Nn;

public sealed class NetworkTests
{
    [Fact]
    public void SmallCnn_maps_images_to_class_logits_with_pytorch_parameter_names()
    {
        using var generator = NetworkSeed.Generator(1, "small-cnn");
        using var model = new SmallCnn(generator);
        using var scope = torch.NewDisposeScope();
        Assert.Equal([3L, 10L], model.forward(torch.zeros(3, 1, 28, 28)).shape);
        Assert.Equal(
            ["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"],
            model.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void Mlp_names_its_layers_like_nn_Sequential_and_keeps_the_batch_dimension()
    {
        using var generator = NetworkSeed.Generator(1, "mlp");
        using var mlp = new Mlp([3, 5, 2], generator, Activation.Tanh);
        using var scope = torch.NewDisposeScope();
        Assert.Equal([4L, 2L], mlp.forward(torch.ones(4, 3)).shape);
        Assert.Equal(["layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias"], mlp.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void Moe_networks_have_the_shapes_of_their_options()
    {
        using var generator = NetworkSeed.Generator(1, "moe");
        using var scope = torch.NewDisposeScope();
        var cnn = new CnnExpert(new CnnOptions(1, 8, 8, [4, 6], FeatureSize: 10), outputs: 5, generator);
        Assert.Equal([2L, 5L], cnn.forward(torch.zeros(2, 1, 8, 8)).shape);
        Assert.Equal(["features.conv1.weight", "features.conv1.bias", "features.conv2.weight", "features.conv2.bias", "features.projection.weight", "features.projection.bias", "head.weight", "head.bias"], cnn.named_parameters().Select(p => p.name));
        var mlp = new MlpExpert(12, [7, 5], 3, generator);
        Assert.Equal([2L, 3L], mlp.forward(torch.zeros(2, 3, 2, 2)).shape);
        var gate = new GatingNetwork(12, 4, generator, hiddenSize: 6);
        var probabilities = gate.Probabilities(torch.randn(5, 12, generator: generator));
        Assert.Equal([5L, 4L], probabilities.shape);
        Assert.All(TensorInput.ToArray(probabilities.sum(1)), total => Assert.Equal(1f, total, 5));
    }

    [Fact]
    public void Initialisation_follows_pytorchs_default_bounds()
    {
        using var generator = NetworkSeed.Generator(3, "bounds");
        using var model = new SmallCnn(generator);
        foreach (var (name, parameter) in model.named_parameters())
        {
            var fanIn = name.StartsWith("fc1", StringComparison.Ordinal) ? 3136 : name.StartsWith("fc2", StringComparison.Ordinal) ? 128 : name.StartsWith("conv1", StringComparison.Ordinal) ? 9 : 288;
            var bound = 1 / Math.Sqrt(fanIn);
            var values = TensorInput.ToArray(parameter.reshape(-1));
            Assert.All(values, v => Assert.InRange(v, -bound, bound));
            Assert.True(values.Max() > bound / 2 && values.Min() < -bound / 2, $"{name} does not span its range ±{bound}");
        }
    }

    [Fact]
    public void Torchs_own_attention_and_layer_norm_blocks_are_seeded_too()
    {
        using var scope = torch.NewDisposeScope();
        float[] Weights(long seed)
        {
            using var generator = NetworkSeed.Generator(seed, "attention");
            var norm = nn.LayerNorm(8);
            var attention = nn.MultiheadAttention(8, 2);
            SeededInitialisation.Apply(norm, generator);
            SeededInitialisation.Apply(attention, generator);
            return [.. norm.parameters().Concat(attention.parameters()).SelectMany(p => TensorInput.ToArray(p.reshape(-1)))];
        }

        Assert.Equal(Weights(1), Weights(1));
        Assert.NotEqual(Weights(1), Weights(2));
    }

    [Fact]
    public void A_module_with_parameters_of_an_unknown_kind_is_refused()
    {
        using var generator = NetworkSeed.Generator(1, "unknown");
        using var embedding = nn.Embedding(4, 2);
        Assert.Contains("no known initialisation", Assert.Throws<ArgumentException>(() => SeededInitialisation.Apply(embedding, generator)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seeded_dropout_repeats_its_masks_for_a_seed_and_is_off_in_eval_mode()
    {
        using var scope = torch.NewDisposeScope();
        float[] Masked(long seed)
        {
            using var generator = NetworkSeed.Generator(seed, "dropout");
            var dropout = new SeededDropout(0.5, generator);
            return TensorInput.ToArray(dropout.forward(torch.ones(64)));
        }

        Assert.Equal(Masked(4), Masked(4));
        Assert.NotEqual(Masked(4), Masked(5));
        Assert.All(Masked(4), v => Assert.True(v is 0f or 2f));
        using var evalGenerator = NetworkSeed.Generator(4, "dropout");
        var off = new SeededDropout(0.5, evalGenerator);
        off.eval();
        Assert.All(TensorInput.ToArray(off.forward(torch.ones(8))), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void TopK_picks_the_largest_scores_best_first_and_breaks_ties_by_index()
    {
        float[] scores = [0.1f, 0.7f, 0.2f, 0.7f, 0.5f, 0.5f, 0.5f, 0.1f];
        Assert.Equal([[1, 3], [0, 1]], GatingNetwork.TopK(scores, experts: 4, k: 2));
        using var tensor = TensorInput.Floats(scores, 2, 4);
        Assert.Equal([[1, 3], [0, 1]], GatingNetwork.TopK(tensor, 2));
        Assert.Throws<ArgumentException>(() => GatingNetwork.TopK(scores, experts: 4, k: 5));
    }
}
