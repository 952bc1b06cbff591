namespace EdgeMoE.Actors.Runtime;

/// <summary>What a bounded mailbox does with a message that arrives when it is full.</summary>
public enum OverflowPolicy
{
    /// <summary>The arriving message goes to dead letters.</summary>
    DropNewest,

    /// <summary>
    /// The sender waits for room (real time, up to the push timeout; then dead letters). In virtual time the
    /// message stays in flight and is offered again at the next superstep, keeping per-sender order.
    /// </summary>
    BackPressure,
}
