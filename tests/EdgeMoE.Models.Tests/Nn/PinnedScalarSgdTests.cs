using EdgeMoE.Models.Nn;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Tests.Nn;

[Collection(TorchThreadCount.Name)]
public sealed class PinnedScalarSgdTests
{
    [Theory]
    [InlineData(1e-3, 0, 0, 0, false, false)]
    [InlineData(1e-2, 0, 0, 0, false, false)]
    [InlineData(1e-1, 0, 0, 0, false, false)]
    [InlineData(1e-2, 0.9, 0, 0, false, false)]
    [InlineData(1e-2, 0.9, 0.1, 1e-3, false, false)]
    [InlineData(1e-2, 0.9, 0, 0, true, false)]
    [InlineData(1e-2, 0.5, 0, 1e-2, false, true)]
    public void Every_parameters_bytes_after_every_step_equal_torch_optim_SGDs(double lr, double momentum, double dampening, double weightDecay, bool nesterov, bool maximize)
    {
        var reference = OptimizerTrajectories.Train(parameters => torch.optim.SGD(parameters, lr, momentum, dampening, weightDecay, nesterov, maximize), steps: 12);
        var ours = OptimizerTrajectories.Train(parameters => new PinnedScalarSgd(parameters, lr, momentum, dampening, weightDecay, nesterov, maximize), steps: 12);

        OptimizerTrajectories.AssertSame(reference, ours);
    }

    [Fact]
    public void A_step_moves_each_parameter_by_minus_the_rate_times_its_gradient()
    {
        using var parameter = new Parameter(torch.tensor(new[] { 1.0f, -2.0f, 0.5f }));
        using (var gradient = torch.tensor(new[] { 0.5f, 1.0f, -4.0f }))
        {
            parameter.grad = gradient.clone();
        }

        using var optimizer = new PinnedScalarSgd([parameter], lr: 0.25);
        optimizer.step();

        Assert.Equal([0.875f, -2.25f, 1.5f], parameter.detach().data<float>().ToArray());
    }

    /// <summary>
    /// With torch.optim.SGD instead, 3 threads of 100,000 bare steps under forced collections threw "Expected false to
    /// be true" in 1 of 3 runs here (TorchSharp 0.107).
    /// </summary>
    [Fact]
    public void Many_threads_stepping_under_forced_collections_all_reach_the_single_threaded_weights() =>
        OptimizerTrajectories.AllThreadsAgreeUnderForcedCollections(() =>
        {
            var trained = OptimizerTrajectories.Train(parameters => new PinnedScalarSgd(parameters, lr: 1e-2, momentum: 0.9), steps: 40)[^1];
            using var parameter = new Parameter(torch.linspace(-1, 1, 4));
            using (var gradient = torch.linspace(0.5, -0.25, 4))
            {
                parameter.grad = gradient.clone();
            }

            using var optimizer = new PinnedScalarSgd([parameter], lr: 1e-6, momentum: 0.9, weight_decay: 1e-4);
            for (var step = 0; step < 20000; step++)
            {
                optimizer.step();
            }

            return [.. trained, OptimizerTrajectories.Bytes(parameter)];
        });
}
