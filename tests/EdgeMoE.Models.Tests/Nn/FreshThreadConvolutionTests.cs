using EdgeMoE.Models.Moe;
using EdgeMoE.Models.Nn;
using TorchSharp;

namespace EdgeMoE.Models.Tests.Nn;

/// <summary>
/// With libtorch's oneDNN on, a CNN's first backward pass on a new thread gave NaN in whole output channels of the first
/// convolution's weight gradient on 1 to 8 of 100 threads on this AVX-512 machine (CI failed on it); <see cref="ConvolutionBackends"/>
/// turns oneDNN off when libtorch loads.
/// </summary>
[Collection(TorchThreadCount.Name)]
public sealed class FreshThreadConvolutionTests
{
    [Fact]
    public void Loading_libtorch_turns_onednn_off_so_the_first_backward_of_200_new_threads_gives_one_gradient()
    {
        const int Threads = 200;
        var (pixels, labels) = OptimizerTrajectories.Data(seed: 11);
        var gradients = new byte[Threads][][];
        for (var t = 0; t < Threads; t++)
        {
            gradients[t] = OptimizerTrajectories.OnOneTorchThread(() =>
            {
                using var generator = NetworkSeed.Generator(11, "fresh-thread");
                using var model = new CnnExpert(OptimizerTrajectories.Shape, OptimizerTrajectories.Classes, generator);
                using var scope = torch.NewDisposeScope();
                var logits = model.forward(TensorInput.Floats(pixels, OptimizerTrajectories.Batch, 1, 8, 8));
                torch.nn.functional.cross_entropy(logits, TensorInput.Labels(labels)).backward();
                return model.parameters().Select(p => OptimizerTrajectories.Bytes(p.grad!)).ToArray();
            });
        }

        Assert.False(ConvolutionBackends.AnyOptionalBackendOn);
        Assert.All(gradients[0], g => Assert.DoesNotContain(float.NaN, System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(g).ToArray()));
        Assert.All(gradients, g => Assert.Equal(gradients[0], g));
    }
}
