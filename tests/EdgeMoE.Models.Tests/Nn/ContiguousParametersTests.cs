using EdgeMoE.Models.Moe;
using EdgeMoE.Models.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Tests.Nn;

[Collection(TorchThreadCount.Name)]
public sealed class ContiguousParametersTests
{
    private const int Batch = OptimizerTrajectories.Batch;
    private const int Classes = OptimizerTrajectories.Classes;
    private static readonly CnnOptions Shape = OptimizerTrajectories.Shape;

    [Theory]
    [InlineData(1e-3, 0)]
    [InlineData(1e-2, 0)]
    [InlineData(1e-3, 1e-2)]
    public void One_step_over_the_contiguous_buffer_gives_every_parameters_bytes_of_a_step_per_tensor(double lr, double weightDecay)
    {
        var perTensor = Train(contiguous: false, lr, weightDecay, steps: 10);
        var contiguous = Train(contiguous: true, lr, weightDecay, steps: 10);

        Assert.Equal(perTensor.Count, contiguous.Count);
        for (var step = 0; step < perTensor.Count; step++)
        {
            Assert.Equal(perTensor[step], contiguous[step]);
        }

        // The comparison means something only if the steps moved every parameter.
        Assert.All(Enumerable.Range(0, perTensor[0].Length), p => Assert.NotEqual(perTensor[0][p], perTensor[^1][p]));
    }

    [Fact]
    public void The_module_keeps_its_values_and_zero_grad_zeroes_every_gradient_in_place()
    {
        using var generator = NetworkSeed.Generator(5, "contiguous");
        using var model = new CnnExpert(Shape, Classes, generator);
        var before = model.parameters().Select(OptimizerTrajectories.Bytes).ToArray();
        using var parameters = new ContiguousParameters(model);

        Assert.Equal(before, model.parameters().Select(OptimizerTrajectories.Bytes).ToArray());
        Assert.Equal(model.parameters().Sum(p => p.numel()), parameters.All.numel());
        var (pixels, labels) = OptimizerTrajectories.Data(seed: 5);
        using (var scope = torch.NewDisposeScope())
        {
            nn.functional.cross_entropy(model.forward(TensorInput.Floats(pixels, Batch, 1, 8, 8)), TensorInput.Labels(labels)).backward();
        }

        // Backward wrote into the shared gradient buffer, which holds every parameter's gradient in registration order.
        using (var scope = torch.NewDisposeScope())
        {
            Assert.True(parameters.All.grad!.abs().max().item<float>() > 0);
            Assert.Equal(model.parameters().SelectMany(p => OptimizerTrajectories.Bytes(p.grad!)).ToArray(), OptimizerTrajectories.Bytes(parameters.All.grad!));
        }

        parameters.ZeroGrad();
        using (var scope = torch.NewDisposeScope())
        {
            Assert.All(model.parameters(), p => Assert.Equal(0f, p.grad!.abs().max().item<float>()));
        }
    }

    private static List<byte[][]> Train(bool contiguous, double lr, double weightDecay, int steps) =>
        OptimizerTrajectories.OnOneTorchThread(() => TrainHere(contiguous, lr, weightDecay, steps));

    private static List<byte[][]> TrainHere(bool contiguous, double lr, double weightDecay, int steps)
    {
        using var generator = NetworkSeed.Generator(11, "contiguous-reference");
        using var model = new CnnExpert(Shape, Classes, generator);
        using var buffer = contiguous ? new ContiguousParameters(model) : null;
        using var optimizer = new PinnedScalarAdam(buffer is null ? model.parameters() : [buffer.All], lr, weight_decay: weightDecay);
        var (pixels, labels) = OptimizerTrajectories.Data(seed: 11);
        var history = new List<byte[][]>();
        for (var step = 0; step < steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            if (buffer is null)
            {
                optimizer.zero_grad();
            }
            else
            {
                buffer.ZeroGrad();
            }

            var logits = model.forward(TensorInput.Floats(pixels, Batch, 1, 8, 8));
            nn.functional.cross_entropy(logits, TensorInput.Labels(labels)).backward();
            optimizer.step();
            history.Add([.. model.parameters().Select(OptimizerTrajectories.Bytes)]);
        }

        return history;
    }
}
