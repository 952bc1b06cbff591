using EdgeMoE.Models.Autograd;

namespace EdgeMoE.Models.Tensors;

/// <summary>
/// A dense float32 tensor: row-major, contiguous storage, shape of any rank (rank 0 is a scalar).
/// Reshapes are views that share storage. Tensors that require gradients record the operation that
/// produced them, so <see cref="Backward()"/> can run reverse-mode differentiation.
/// </summary>
public sealed class Tensor
{
    private readonly float[] _storage;
    private readonly int[] _shape;

    /// <summary>Wraps <paramref name="storage"/> (no copy) as a tensor of the given shape.</summary>
    public Tensor(float[] storage, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _shape = (int[])shape.Clone();
        Length = TensorShape.ElementCount(_shape);
        if (storage.Length < Length)
        {
            throw new ArgumentException($"storage holds {storage.Length} elements, shape {TensorShape.Format(_shape)} needs {Length}", nameof(storage));
        }

        _storage = storage;
    }

    /// <summary>The extent of each dimension.</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>Number of dimensions.</summary>
    public int Rank => _shape.Length;

    /// <summary>Number of elements (product of the shape).</summary>
    public int Length { get; }

    /// <summary>The elements in row-major order (writable; writing bypasses autograd).</summary>
    public Span<float> Span => _storage.AsSpan(0, Length);

    /// <summary>Whether gradients with respect to this tensor are computed by <see cref="Backward()"/>.</summary>
    public bool RequiresGrad { get; internal set; }

    /// <summary>Accumulated gradient dL/dthis (same shape) of a leaf that requires grad; null until a backward pass reaches it.</summary>
    public Tensor? Grad { get; set; }

    /// <summary>True for tensors not produced by a recorded operation (inputs and parameters).</summary>
    public bool IsLeaf => Node is null;

    internal float[] Storage => _storage;

    internal GradNode? Node { get; set; }

    /// <summary>Counts in-place updates made through the engine (optimiser steps, flat-vector writes).</summary>
    internal int Version { get; private set; }

    /// <summary>Records an in-place update, so that a graph recorded before it refuses to backpropagate.</summary>
    internal void MarkModified() => Version++;

    /// <summary>Keeps the gradient of a non-leaf tensor after backward (leaves always keep theirs).</summary>
    public bool RetainsGrad { get; private set; }

    /// <summary>Extent of dimension <paramref name="dim"/>; negative counts from the end.</summary>
    public int Size(int dim) => _shape[TensorShape.NormalizeDim(dim, Rank)];

    /// <summary>A new tensor of zeros.</summary>
    public static Tensor Zeros(params int[] shape) => new(new float[TensorShape.ElementCount(shape)], shape);

    /// <summary>A new tensor whose every element is <paramref name="value"/>.</summary>
    public static Tensor Full(float value, params int[] shape)
    {
        var t = Uninitialized(shape);
        t.Span.Fill(value);
        return t;
    }

    /// <summary>A new tensor whose contents are unspecified; for kernels that overwrite every element.</summary>
    public static Tensor Uninitialized(params int[] shape) =>
        new(GC.AllocateUninitializedArray<float>(TensorShape.ElementCount(shape)), shape);

    /// <summary>Storage for an operation's result: unspecified contents, taken from the active <see cref="TensorArena"/> when there is one.</summary>
    internal static Tensor ForResult(params int[] shape) =>
        new(TensorArena.Allocate(TensorShape.ElementCount(shape)), shape);

    /// <summary>A new tensor holding a copy of <paramref name="values"/>.</summary>
    public static Tensor FromValues(ReadOnlySpan<float> values, params int[] shape)
    {
        var t = Uninitialized(shape);
        if (values.Length != t.Length)
        {
            throw new ArgumentException($"{values.Length} values given for shape {TensorShape.Format(shape)} ({t.Length} elements)", nameof(values));
        }

        values.CopyTo(t.Span);
        return t;
    }

    /// <summary>A rank-0 tensor.</summary>
    public static Tensor Scalar(float value) => new([value]);

    /// <summary>A leaf parameter: a copy-free wrapper that requires gradients.</summary>
    public static Tensor Parameter(float[] storage, params int[] shape) => new(storage, shape) { RequiresGrad = true };

    /// <summary>The single element of a one-element tensor.</summary>
    public float Item() => Length == 1 ? _storage[0] : throw new InvalidOperationException($"Item() needs one element, tensor has shape {TensorShape.Format(_shape)}");

    /// <summary>A copy of the elements.</summary>
    public float[] ToArray() => Span.ToArray();

    /// <summary>Marks this leaf as requiring gradients (returns this).</summary>
    public Tensor RequireGrad(bool requires = true)
    {
        if (!IsLeaf)
        {
            throw new InvalidOperationException("only leaf tensors can change RequiresGrad; use Detach() first");
        }

        RequiresGrad = requires;
        return this;
    }

    /// <summary>Keeps <see cref="Grad"/> on this non-leaf tensor after backward.</summary>
    public Tensor RetainGrad()
    {
        RetainsGrad = true;
        return this;
    }

    /// <summary>A tensor sharing this storage but cut from the graph.</summary>
    public Tensor Detach() => new(_storage, _shape);

    /// <summary>A view with a new shape (one extent may be -1); shares storage and is differentiable.</summary>
    public Tensor Reshape(params int[] shape) => Functional.Reshape(this, shape);

    /// <summary>Sets the gradient to null (like PyTorch's zero_grad(set_to_none=True)).</summary>
    public void ZeroGrad() => Grad = null;

    /// <summary>Backpropagates from a scalar (one-element) tensor with seed gradient 1.</summary>
    public void Backward()
    {
        if (Length != 1)
        {
            throw new InvalidOperationException($"Backward() without a gradient needs a one-element tensor, got shape {TensorShape.Format(_shape)}; pass the output gradient");
        }

        GradientTape.Run(this, Full(1f, _shape), retainGraph: false);
    }

    /// <summary>
    /// Backpropagates an injected output gradient dL/dthis (e.g. received from a remote router) into every
    /// tensor that requires grad. The graph is released afterwards unless <paramref name="retainGraph"/>.
    /// </summary>
    public void Backward(Tensor gradient, bool retainGraph = false)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        if (gradient.Length != Length)
        {
            throw new ArgumentException($"gradient has {gradient.Length} elements, tensor has shape {TensorShape.Format(_shape)}", nameof(gradient));
        }

        GradientTape.Run(this, gradient, retainGraph);
    }

    /// <summary>Backpropagates an injected output gradient given as raw values in row-major order.</summary>
    public void Backward(ReadOnlySpan<float> gradient, bool retainGraph = false) =>
        Backward(FromValues(gradient, _shape), retainGraph);

    /// <inheritdoc />
    public override string ToString() => $"Tensor{TensorShape.Format(_shape)}";
}
