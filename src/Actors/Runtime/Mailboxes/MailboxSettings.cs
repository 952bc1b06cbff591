namespace EdgeMoE.Actors.Runtime;

/// <summary>Which mailbox an actor gets (chosen in <see cref="Props"/>).</summary>
public abstract record MailboxSettings
{
    private protected MailboxSettings()
    {
    }

    /// <summary>The default: an unbounded lock-free queue.</summary>
    public static MailboxSettings Unbounded { get; } = new UnboundedMailboxSettings();

    /// <summary>A mailbox holding at most <paramref name="capacity"/> user messages.</summary>
    /// <param name="capacity">Maximum queued user messages, ≥ 1.</param>
    /// <param name="overflow">What happens to a message that arrives when the mailbox is full.</param>
    /// <param name="pushTimeout">With <see cref="OverflowPolicy.BackPressure"/> in real time: how long a sender
    /// waits for room before the message goes to dead letters. Default 10 s.</param>
    public static MailboxSettings Bounded(int capacity, OverflowPolicy overflow = OverflowPolicy.DropNewest, TimeSpan? pushTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return new BoundedMailboxSettings(capacity, overflow, pushTimeout ?? TimeSpan.FromSeconds(10));
    }

    internal abstract MessageQueue CreateQueue();
}

/// <summary>Settings of the unbounded mailbox.</summary>
public sealed record UnboundedMailboxSettings : MailboxSettings
{
    internal UnboundedMailboxSettings()
    {
    }

    internal override MessageQueue CreateQueue() => new UnboundedMessageQueue();
}

/// <summary>Settings of a bounded mailbox; see <see cref="MailboxSettings.Bounded"/>.</summary>
public sealed record BoundedMailboxSettings : MailboxSettings
{
    internal BoundedMailboxSettings(int capacity, OverflowPolicy overflow, TimeSpan pushTimeout)
    {
        Capacity = capacity;
        Overflow = overflow;
        PushTimeout = pushTimeout;
    }

    /// <summary>Maximum queued user messages.</summary>
    public int Capacity { get; }

    /// <summary>What happens to a message that arrives when the mailbox is full.</summary>
    public OverflowPolicy Overflow { get; }

    /// <summary>Longest wait of a back-pressured sender in real time.</summary>
    public TimeSpan PushTimeout { get; }

    internal override MessageQueue CreateQueue() => new BoundedMessageQueue(Capacity, Overflow, PushTimeout);
}
