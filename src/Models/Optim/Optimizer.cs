using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Optim;

/// <summary>
/// Updates a fixed list of parameters from their gradients. Parameters without a gradient are skipped
/// (as in PyTorch); per-parameter state is created on first use.
/// </summary>
public abstract class Optimizer
{
    /// <summary>Optimises <paramref name="parameters"/> (e.g. <c>module.Parameters()</c>).</summary>
    protected Optimizer(IReadOnlyList<Tensor> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
    }

    /// <summary>The parameters updated by <see cref="Step"/>.</summary>
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>Steps taken so far.</summary>
    public long StepCount { get; private set; }

    /// <summary>Applies one update to every parameter that has a gradient.</summary>
    public void Step()
    {
        StepCount++;
        for (var i = 0; i < Parameters.Count; i++)
        {
            var parameter = Parameters[i];
            if (parameter.Grad is { } grad)
            {
                Update(i, parameter.Span, grad.Span);
            }
        }
    }

    /// <summary>Clears the gradients of all parameters.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in Parameters)
        {
            parameter.ZeroGrad();
        }
    }

    /// <summary>Updates parameter <paramref name="index"/> in place from its gradient.</summary>
    protected abstract void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient);
}
