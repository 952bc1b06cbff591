namespace EdgeMoE.Models.Tensors;

/// <summary>
/// Reuses the storage of large intermediate tensors (activations, gradients) from one training step
/// to the next, so that a steady training loop stops allocating large arrays (which on .NET means
/// LOH allocations, page faults and gen-2 collections). Each <see cref="Use"/> opens a step on the
/// current thread: operations then take their results, in order, from the buffers the previous step
/// used. Tensors produced inside one step, and the graph recorded with them, are therefore only valid
/// until the next <see cref="Use"/> of the same arena: run Backward and read what you need (the loss,
/// the accuracy, flat gradients) before that. Parameters and their optimiser state never live here.
/// </summary>
public sealed class TensorArena
{
    /// <summary>Results smaller than this many floats are ordinary allocations.</summary>
    public const int MinimumLength = 4096;

    [ThreadStatic]
    private static TensorArena? _active;

    private readonly List<float[]> _buffers = [];
    private int _next;

    /// <summary>Bytes currently held for reuse.</summary>
    public long RetainedBytes => _buffers.Sum(b => 4L * b.Length);

    /// <summary>Starts a step: later operation results on this thread reuse this arena's buffers until the scope is disposed.</summary>
    public Scope Use()
    {
        _next = 0;
        var previous = _active;
        _active = this;
        return new Scope(previous);
    }

    /// <summary>Storage for an operation result of <paramref name="length"/> floats: from the active arena when large, else new.</summary>
    internal static float[] Allocate(int length)
    {
        var arena = _active;
        return arena is null || length < MinimumLength ? GC.AllocateUninitializedArray<float>(length) : arena.Rent(length);
    }

    private float[] Rent(int length)
    {
        if (_next < _buffers.Count && _buffers[_next].Length >= length && _buffers[_next].Length <= 2 * length)
        {
            return _buffers[_next++];
        }

        var buffer = GC.AllocateUninitializedArray<float>(length);
        if (_next < _buffers.Count)
        {
            _buffers[_next] = buffer;
        }
        else
        {
            _buffers.Add(buffer);
        }

        _next++;
        return buffer;
    }

    /// <summary>An open step; disposing it restores the previously active arena.</summary>
    public readonly struct Scope(TensorArena? previous) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => _active = previous;
    }
}
