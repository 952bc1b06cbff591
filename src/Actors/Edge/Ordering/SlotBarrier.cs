namespace EdgeMoE.Actors.Edge.Ordering;

/// <summary>
/// The inputs one slot brings an actor from a known number of senders: it holds them until all are in, then releases
/// them in canonical order (<see cref="CanonicalKey"/>), whatever order they were delivered in.
/// </summary>
/// <typeparam name="T">The message type.</typeparam>
/// <param name="expected">Messages the slot brings (one per sender).</param>
/// <param name="key">A message's canonical key; its sender must be in [0, <paramref name="expected"/>).</param>
public sealed class SlotBarrier<T>(int expected, Func<T, CanonicalKey> key)
    where T : class
{
    private readonly T?[] _bySender = new T?[expected];
    private int _received;

    /// <summary>True once every sender's message is in.</summary>
    public bool IsComplete => _received == expected;

    /// <summary>Holds <paramref name="message"/>; returns <see cref="IsComplete"/>.</summary>
    /// <exception cref="InvalidOperationException">The sender already delivered its message for this slot.</exception>
    public bool Add(T message)
    {
        var sender = key(message).Sender;
        if (_bySender[sender] is not null)
        {
            throw new InvalidOperationException($"{typeof(T).Name}: a second message from sender {sender} in one slot");
        }

        _bySender[sender] = message;
        _received++;
        return IsComplete;
    }

    /// <summary>The slot's messages in canonical order; the barrier is then empty for the next slot.</summary>
    /// <exception cref="InvalidOperationException">Some sender has not delivered yet.</exception>
    public IReadOnlyList<T> Release()
    {
        if (!IsComplete)
        {
            throw new InvalidOperationException($"{typeof(T).Name}: {_received} of {expected} messages in, the slot cannot be released");
        }

        var ordered = _bySender.Select(m => m!).OrderBy(key).ToArray();
        Array.Clear(_bySender);
        _received = 0;
        return ordered;
    }
}
