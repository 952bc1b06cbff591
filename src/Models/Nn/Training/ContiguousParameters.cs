using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Nn;

/// <summary>
/// A module's parameters moved into one contiguous buffer, and their gradients into another, so that an optimiser steps
/// them as the single <see cref="All"/>: one Adam update of a few kernels instead of a few per parameter tensor.
/// </summary>
/// <remarks>
/// Why: an edge emulation trains thousands of tiny experts, each a few parameter tensors, every slot; libtorch's cost
/// per call, not the arithmetic, dominates their step. Adam is elementwise, so stepping the concatenation updates every
/// value as stepping each tensor would. Backward accumulates into the gradient views in place, which requires
/// <see cref="ZeroGrad"/> (zeroing, never dropping the gradients) between steps.
/// </remarks>
public sealed class ContiguousParameters : IDisposable
{
    private readonly Tensor _gradients;

    /// <summary>Moves every parameter of <paramref name="module"/> into the shared buffers (values unchanged).</summary>
    public ContiguousParameters(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var parameters = module.parameters().ToList();
        var total = parameters.Sum(p => p.numel());
        using var noGrad = torch.no_grad();
        var values = torch.empty(total, parameters.Count == 0 ? float32 : parameters[0].dtype);
        long offset = 0;
        foreach (var p in parameters)
        {
            using var slice = values.narrow(0, offset, p.numel());
            using var flat = p.reshape(-1);
            slice.copy_(flat);
            offset += p.numel();
        }

        All = new Parameter(values, requires_grad: true);
        _gradients = torch.zeros_like(All);
        All.grad = _gradients;
        offset = 0;
        foreach (var p in parameters)
        {
            var shape = p.shape;
            using var valueSlice = All.narrow(0, offset, p.numel());
            using var valueView = valueSlice.view(shape);
            p.set_(valueView);
            using var gradientSlice = _gradients.narrow(0, offset, p.numel());
            p.grad = gradientSlice.view(shape);
            offset += p.numel();
        }
    }

    /// <summary>Every parameter value, as one vector whose gradient is every parameter's gradient: give this to the optimiser.</summary>
    public Parameter All { get; }

    /// <summary>Zeroes every gradient in one call (the views stay attached).</summary>
    public void ZeroGrad()
    {
        using var noGrad = torch.no_grad();
        _gradients.zero_();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _gradients.Dispose();
        All.Dispose();
    }
}
