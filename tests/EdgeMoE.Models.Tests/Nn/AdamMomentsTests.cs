using EdgeMoE.Models.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Tests.Nn;

public sealed class AdamMomentsTests
{
    [Fact]
    public void A_fresh_Adam_given_the_moments_of_another_takes_the_same_next_step()
    {
        TorchBackend.EnsureLoaded();
        using var first = nn.Linear(3, 2);
        using var second = nn.Linear(3, 2);
        using var a = new PinnedScalarAdam(first.parameters(), 0.05);
        for (var i = 0; i < 3; i++)
        {
            Step(first, a);
        }

        // Same weights and moments in the second network: its next step must be the first's, bit for bit.
        CopyWeights(first, second);
        using var b = new PinnedScalarAdam(second.parameters(), 0.05);
        b.ImportMoments(a.ExportMoments());
        Step(first, a);
        Step(second, b);
        Assert.Equal(Values(first), Values(second));
    }

    [Fact]
    public void Without_the_moments_the_next_step_differs()
    {
        TorchBackend.EnsureLoaded();
        using var first = nn.Linear(3, 2);
        using var second = nn.Linear(3, 2);
        using var a = new PinnedScalarAdam(first.parameters(), 0.05);
        Step(first, a);
        CopyWeights(first, second);
        using var b = new PinnedScalarAdam(second.parameters(), 0.05);
        Step(first, a);
        Step(second, b);
        Assert.NotEqual(Values(first), Values(second));
    }

    private static void Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var input = torch.tensor(new float[] { 1, -2, 0.5f, 0.3f, 0.1f, -1 }, 2, 3);
        model.forward(input).pow(2).sum().backward();
        optimizer.step();
    }

    private static void CopyWeights(nn.Module from, nn.Module to) => EdgeMoE.Models.Moe.Federated.ModelWeights.Of(from).LoadInto(to);

    private static float[] Values(nn.Module model) => [.. EdgeMoE.Models.Moe.Federated.ModelWeights.Of(model).Values.SelectMany(v => v)];
}
