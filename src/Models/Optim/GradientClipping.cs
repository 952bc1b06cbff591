using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Optim;

/// <summary>Gradient clipping as PyTorch's clip_grad_norm_.</summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales all gradients by min(1, maxNorm/(‖g‖₂ + 1e-6)), ‖g‖₂ over all parameters together (float64
    /// accumulation). Returns the norm before clipping.
    /// </summary>
    public static double ClipGradNorm(IEnumerable<Tensor> parameters, double maxNorm)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(maxNorm);
        var grads = parameters.Select(p => p.Grad).OfType<Tensor>().ToArray();
        double squares = 0;
        foreach (var grad in grads)
        {
            foreach (var v in grad.Span)
            {
                squares += (double)v * v;
            }
        }

        var norm = Math.Sqrt(squares);
        var coefficient = maxNorm / (norm + 1e-6);
        if (coefficient < 1)
        {
            foreach (var grad in grads)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(grad.Span, (float)coefficient, grad.Span);
            }
        }

        return norm;
    }
}
