namespace EdgeMoE.Actors.Edge.Ordering;

/// <summary>
/// A message's place in the canonical order of a slot: virtual arrival time, then sender index, then the sender's
/// own sequence. Actors that merge inputs from several senders handle them in this order, never in delivery order,
/// which depends on threads.
/// </summary>
/// <param name="ArrivesAt">Virtual time at which the message reaches its receiver.</param>
/// <param name="Sender">The sender's index (e.g. server j).</param>
/// <param name="Sequence">The sender's own count of such messages (e.g. the slot, for one message per slot).</param>
public readonly record struct CanonicalKey(TimeSpan ArrivesAt, int Sender, long Sequence) : IComparable<CanonicalKey>
{
    /// <inheritdoc />
    public int CompareTo(CanonicalKey other)
    {
        var byTime = ArrivesAt.CompareTo(other.ArrivesAt);
        if (byTime != 0)
        {
            return byTime;
        }

        var bySender = Sender.CompareTo(other.Sender);
        return bySender != 0 ? bySender : Sequence.CompareTo(other.Sequence);
    }
}
