using EdgeMoE.Models.Nn;
using TorchSharp;

namespace EdgeMoE.Models.Tests.Nn;

public sealed class ScopedConvolutionTests
{
    [Fact]
    public void Its_parameters_outlive_the_scope_it_builds_in_and_any_scope_around_it()
    {
        TorchSharp.Modules.Conv2d layer;
        using (torch.NewDisposeScope())
        {
            layer = ScopedConvolution.Conv2d(6, 16, 5, padding: 2);
        }

        using (layer)
        {
            Assert.Equal([16L, 6, 5, 5], layer.weight!.shape);
            Assert.Equal([16L], layer.bias!.shape);
            Assert.False(layer.weight.IsInvalid);
            Assert.False(layer.bias.IsInvalid);
            using var input = torch.ones(1, 6, 8, 8);
            using var output = layer.forward(input);
            Assert.Equal([1L, 16, 8, 8], output.shape);
        }
    }

    [Fact]
    public void It_is_PyTorch_s_layer_drawn_within_the_bound_of_its_fan_in()
    {
        using var layer = ScopedConvolution.Conv2d(3, 4, 3, padding: 1);

        var bound = 1 / Math.Sqrt(3 * 3 * 3); // kaiming_uniform(a = sqrt 5) and the bias: 1/sqrt(fan_in)
        Assert.Equal([1L, 1], layer.padding!);
        Assert.Equal([1L, 1], layer.stride);
        Assert.All(layer.weight!.data<float>().ToArray(), w => Assert.InRange((double)Math.Abs(w), 0.0, bound));
        Assert.All(layer.bias!.data<float>().ToArray(), b => Assert.InRange((double)Math.Abs(b), 0.0, bound));
    }
}
