using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Optim;

/// <summary>
/// Updates a fixed list of parameters from their gradients. Parameters without a gradient are skipped
/// (as in PyTorch).
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
                parameter.MarkModified();
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

/// <summary>An optimiser with validated hyper-parameters and per-parameter state created on first update.</summary>
/// <typeparam name="TOptions">The hyper-parameter record.</typeparam>
/// <typeparam name="TState">The state kept for each parameter (moments, momentum buffers).</typeparam>
public abstract class Optimizer<TOptions, TState> : Optimizer
    where TOptions : IOptimizerOptions
    where TState : class
{
    private readonly TState?[] _states;

    /// <summary>Validates <paramref name="options"/> and prepares an empty state slot per parameter.</summary>
    protected Optimizer(IReadOnlyList<Tensor> parameters, TOptions options)
        : base(parameters)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Settings = options;
        _states = new TState?[parameters.Count];
    }

    /// <summary>The hyper-parameters.</summary>
    public TOptions Settings { get; }

    /// <summary>The state of parameter <paramref name="index"/>, or null before its first update.</summary>
    public TState? StateOf(int index) => _states[index];

    /// <summary>The state of parameter <paramref name="index"/>, created for <paramref name="length"/> elements if new.</summary>
    protected TState StateFor(int index, int length) => _states[index] ??= CreateState(length);

    /// <summary>Fresh state for a parameter of <paramref name="length"/> elements.</summary>
    protected abstract TState CreateState(int length);
}
