namespace EdgeMoE.Actors.Edge.Ordering;

/// <summary>
/// The inputs one slot brings an actor from a known number of senders: it holds them until all are in, then releases
/// them in canonical order (<see cref="CanonicalKey"/>), whatever order they were delivered in. A sender that is down
/// for the slot is excluded (<see cref="Exclude"/>): the slot no longer waits for it.
/// </summary>
/// <typeparam name="T">The message type.</typeparam>
/// <param name="expected">Senders (one message each per slot).</param>
/// <param name="key">A message's canonical key; its sender must be in [0, <paramref name="expected"/>).</param>
public sealed class SlotBarrier<T>(int expected, Func<T, CanonicalKey> key)
    where T : class
{
    private readonly T?[] _bySender = new T?[expected];
    private readonly bool[] _excluded = new bool[expected];
    private int _received;
    private int _excludedCount;

    /// <summary>True once every sender that is not excluded delivered its message.</summary>
    public bool IsComplete => _received + _excludedCount == expected;

    /// <summary>True when <paramref name="sender"/> is excluded from the current slot.</summary>
    public bool IsExcluded(int sender) => _excluded[sender];

    /// <summary>
    /// Stops waiting for <paramref name="sender"/> in the current slot; returns <see cref="IsComplete"/>. A sender that
    /// already delivered keeps its message.
    /// </summary>
    public bool Exclude(int sender)
    {
        if (_bySender[sender] is null && !_excluded[sender])
        {
            _excluded[sender] = true;
            _excludedCount++;
        }

        return IsComplete;
    }

    /// <summary>Holds <paramref name="message"/>; returns <see cref="IsComplete"/>.</summary>
    /// <exception cref="InvalidOperationException">The sender already delivered its message for this slot, or is excluded.</exception>
    public bool Add(T message)
    {
        var sender = key(message).Sender;
        if (_bySender[sender] is not null || _excluded[sender])
        {
            throw new InvalidOperationException($"{typeof(T).Name}: a second message from sender {sender} in one slot, or one from an excluded sender");
        }

        _bySender[sender] = message;
        _received++;
        return IsComplete;
    }

    /// <summary>The slot's messages in canonical order; the barrier is then empty, and nobody excluded, for the next slot.</summary>
    /// <exception cref="InvalidOperationException">Some sender has not delivered yet.</exception>
    public IReadOnlyList<T> Release()
    {
        if (!IsComplete)
        {
            throw new InvalidOperationException($"{typeof(T).Name}: {_received} of {expected - _excludedCount} messages in, the slot cannot be released");
        }

        var ordered = _bySender.Where(m => m is not null).Select(m => m!).OrderBy(key).ToArray();
        Array.Clear(_bySender);
        Array.Clear(_excluded);
        _received = 0;
        _excludedCount = 0;
        return ordered;
    }
}
