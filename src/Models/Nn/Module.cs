using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Nn;

/// <summary>
/// A layer or model: named parameters, named child modules, train/eval mode and <see cref="Forward"/>.
/// Parameter names are dotted paths as in PyTorch's state_dict ("conv1.weight"), so weights move
/// between EdgeMoE and PyTorch. The flat-vector methods give federated averaging one contiguous view
/// of all parameters, in <see cref="NamedParameters"/> order.
/// </summary>
public abstract class Module
{
    private readonly List<KeyValuePair<string, Tensor>> _parameters = [];
    private readonly List<KeyValuePair<string, Module>> _children = [];

    /// <summary>True in training mode (dropout active), false in evaluation mode.</summary>
    public bool IsTraining { get; private set; } = true;

    /// <summary>The module's computation; the whole contract of a layer.</summary>
    public abstract Tensor Forward(Tensor input);

    /// <summary>Switches this module and its children to training (true) or evaluation (false) mode.</summary>
    public Module Train(bool training = true)
    {
        IsTraining = training;
        foreach (var child in _children)
        {
            child.Value.Train(training);
        }

        return this;
    }

    /// <summary>Switches to evaluation mode.</summary>
    public Module Eval() => Train(false);

    /// <summary>Direct children with their names.</summary>
    public IReadOnlyList<KeyValuePair<string, Module>> Children => _children;

    /// <summary>All parameters of this module and its descendants, with dotted names, in registration order.</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> NamedParameters()
    {
        foreach (var parameter in _parameters)
        {
            yield return parameter;
        }

        foreach (var child in _children)
        {
            foreach (var parameter in child.Value.NamedParameters())
            {
                yield return new(child.Key + "." + parameter.Key, parameter.Value);
            }
        }
    }

    /// <summary>All parameters, in <see cref="NamedParameters"/> order.</summary>
    public IReadOnlyList<Tensor> Parameters() => NamedParameters().Select(p => p.Value).ToArray();

    /// <summary>Total number of scalar parameters.</summary>
    public int ParameterCount => NamedParameters().Sum(p => p.Value.Length);

    /// <summary>Clears the gradients of all parameters.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in NamedParameters())
        {
            parameter.Value.ZeroGrad();
        }
    }

    /// <summary>Copies all parameters, concatenated in order, into <paramref name="destination"/> (length <see cref="ParameterCount"/>).</summary>
    public void CopyParametersTo(Span<float> destination)
    {
        RequireFlatLength(destination.Length);
        var offset = 0;
        foreach (var parameter in NamedParameters())
        {
            parameter.Value.Span.CopyTo(destination[offset..]);
            offset += parameter.Value.Length;
        }
    }

    /// <summary>All parameters as one new flat vector.</summary>
    public float[] GetFlatParameters()
    {
        var flat = new float[ParameterCount];
        CopyParametersTo(flat);
        return flat;
    }

    /// <summary>Overwrites all parameters from a flat vector (length <see cref="ParameterCount"/>).</summary>
    public void SetFlatParameters(ReadOnlySpan<float> source)
    {
        RequireFlatLength(source.Length);
        var offset = 0;
        foreach (var parameter in NamedParameters())
        {
            source.Slice(offset, parameter.Value.Length).CopyTo(parameter.Value.Span);
            parameter.Value.MarkModified();
            offset += parameter.Value.Length;
        }
    }

    /// <summary>θ ← θ + α·x for a flat vector x (length <see cref="ParameterCount"/>): the FedAvg accumulation step.</summary>
    public void AxpyFlatParameters(float alpha, ReadOnlySpan<float> x)
    {
        RequireFlatLength(x.Length);
        var offset = 0;
        foreach (var parameter in NamedParameters())
        {
            var span = parameter.Value.Span;
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(x.Slice(offset, span.Length), alpha, span, span);
            parameter.Value.MarkModified();
            offset += span.Length;
        }
    }

    /// <summary>All parameter gradients as one flat vector (zeros where a parameter has no gradient yet).</summary>
    public float[] GetFlatGradients()
    {
        var flat = new float[ParameterCount];
        var offset = 0;
        foreach (var parameter in NamedParameters())
        {
            parameter.Value.Grad?.Span.CopyTo(flat.AsSpan(offset));
            offset += parameter.Value.Length;
        }

        return flat;
    }

    /// <summary>Name → parameter tensor (the live tensors, not copies).</summary>
    public IReadOnlyDictionary<string, Tensor> StateDict() => NamedParameters().ToDictionary(p => p.Key, p => p.Value);

    /// <summary>Copies values into the parameters by name; every parameter must be present with the same shape.</summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var (name, parameter) in NamedParameters())
        {
            if (!state.TryGetValue(name, out var value))
            {
                throw new ArgumentException($"state has no tensor named '{name}'", nameof(state));
            }

            if (!value.Shape.SequenceEqual(parameter.Shape))
            {
                throw new ArgumentException($"tensor '{name}' has shape {TensorShape.Format(value.Shape)}, the module expects {TensorShape.Format(parameter.Shape)}", nameof(state));
            }

            value.Span.CopyTo(parameter.Span);
            parameter.MarkModified();
        }
    }

    /// <summary>Registers a leaf tensor as a trainable parameter under <paramref name="name"/>.</summary>
    protected Tensor RegisterParameter(string name, Tensor parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        parameter.RequireGrad();
        _parameters.Add(new(name, parameter));
        return parameter;
    }

    /// <summary>Registers a child module under <paramref name="name"/>.</summary>
    protected T RegisterModule<T>(string name, T module)
        where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        _children.Add(new(name, module));
        return module;
    }

    private void RequireFlatLength(int length)
    {
        var count = ParameterCount;
        if (length != count)
        {
            throw new ArgumentException($"flat parameter vector has {length} elements, the module has {count} parameters");
        }
    }
}
