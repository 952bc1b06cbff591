using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Serialization;
using EdgeMoE.Models.Vit;
using TorchSharp;

namespace EdgeMoE.Models.Tests.Vit;

public sealed class MoeVitTests
{
    [Fact]
    public void Images_give_logits_and_the_stage_methods_compose_to_the_forward()
    {
        TorchBackend.EnsureLoaded();
        using var generator = NetworkSeed.Generator(3, "moe-vit-test");
        using var model = new MoeVit(new MoeVitOptions(Layers: 2), generator);
        model.eval();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var images = torch.rand([3, 1, 28, 28], generator: generator);

        var logits = model.forward(images);
        var x = model.Embed(images);
        x = model.Layer(0).forward(x);
        x = model.Layer(1).forward(x);
        var staged = model.Classify(x);

        Assert.Equal([3L, 10L], logits.shape);
        Assert.Equal([3L, 16L, 32L], model.Embed(images).shape);
        Assert.True(logits.allclose(staged));
    }

    [Fact]
    public void Sparse_dispatch_equals_the_weighted_sum_of_single_experts()
    {
        TorchBackend.EnsureLoaded();
        using var generator = NetworkSeed.Generator(5, "expert-bank-test");
        using var bank = new ExpertBank(4, 8, 16, generator);
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var hidden = torch.randn([5, 8], generator: generator);
        var weights = torch.tensor(new float[,] { { 0.5f, 0.5f, 0, 0 }, { 0, 1, 0, 0 }, { 0, 0, 0, 0 }, { 0.2f, 0, 0, 0.8f }, { 0, 0, 0.3f, 0.7f } });

        var mixed = bank.forward(hidden, weights);
        var expected = torch.zeros_like(hidden);
        for (var j = 0; j < 4; j++)
        {
            expected = expected.add(bank.Single(j, hidden).mul(weights[.., j..(j + 1)]));
        }

        Assert.True(mixed.allclose(expected, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Safetensors_round_trip_gives_the_same_logits_and_a_wrong_shape_is_refused()
    {
        TorchBackend.EnsureLoaded();
        var path = Path.Combine(Path.GetTempPath(), $"moe-vit-{Guid.NewGuid():N}.safetensors");
        try
        {
            using var generator = NetworkSeed.Generator(9, "moe-vit-save");
            using var model = new MoeVit(new MoeVitOptions(Layers: 1), generator);
            SafeTensors.Save(path, model);
            using var loaded = MoeVitTraining.Load(path, new MoeVitOptions(Layers: 1));
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            var images = torch.rand([2, 1, 28, 28], generator: generator);

            Assert.Equal(TensorInput.ToArray(model.forward(images)), TensorInput.ToArray(loaded.forward(images)));
            Assert.Throws<InvalidDataException>(() => MoeVitTraining.Load(path, new MoeVitOptions(Layers: 1, Experts: 4)).Dispose());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
