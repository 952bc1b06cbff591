using EdgeMoE.Models.Nn;
using TorchSharp;
using TorchSharp.Modules;

namespace EdgeMoE.Models.Tests.Nn;

[Collection(TorchThreadCount.Name)]
public sealed class PinnedScalarAdamWTests
{
    [Theory]
    [InlineData(1e-3, 0, false, false)]
    [InlineData(1e-2, 1e-2, false, false)]
    [InlineData(1e-3, 0.1, false, false)]
    [InlineData(1e-2, 1e-2, true, false)]
    [InlineData(1e-3, 1e-2, false, true)]
    public void Every_parameters_bytes_after_every_step_equal_torch_optim_AdamWs(double lr, double weightDecay, bool amsgrad, bool maximize)
    {
        var reference = OptimizerTrajectories.Train(parameters => torch.optim.AdamW(parameters, lr, weight_decay: weightDecay, amsgrad: amsgrad, maximize: maximize), steps: 12);
        var ours = OptimizerTrajectories.Train(parameters => new PinnedScalarAdamW(parameters, lr, weight_decay: weightDecay, amsgrad: amsgrad, maximize: maximize), steps: 12);

        OptimizerTrajectories.AssertSame(reference, ours);
    }

    [Fact]
    public void Many_threads_stepping_under_forced_collections_all_reach_the_single_threaded_weights() =>
        OptimizerTrajectories.AllThreadsAgreeUnderForcedCollections(() =>
        {
            var trained = OptimizerTrajectories.Train(parameters => new PinnedScalarAdamW(parameters, lr: 1e-2, weight_decay: 1e-2), steps: 40)[^1];
            using var parameter = new Parameter(torch.linspace(-1, 1, 4));
            using (var gradient = torch.linspace(0.5, -0.25, 4))
            {
                parameter.grad = gradient.clone();
            }

            using var optimizer = new PinnedScalarAdamW([parameter], lr: 1e-3, weight_decay: 1e-2);
            for (var step = 0; step < 20000; step++)
            {
                optimizer.step();
            }

            return [.. trained, OptimizerTrajectories.Bytes(parameter)];
        });
}
