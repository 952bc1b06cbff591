namespace EdgeMoE.Actors.Runtime;

/// <summary>The user-message queue of a mailbox: many producers, one consumer (the actor's turn).</summary>
internal abstract class MessageQueue
{
    /// <summary>Adds a message; <c>false</c> when the queue refused it (the caller sends it to dead letters).</summary>
    public abstract bool TryEnqueue(in Envelope envelope, bool mayWait);

    /// <summary>Takes the oldest message, if any. Called by the owning actor only.</summary>
    public abstract bool TryDequeue(out Envelope envelope);

    /// <summary><c>true</c> when at least one message is queued (a hint under concurrency).</summary>
    public abstract bool HasMessages { get; }

    /// <summary><c>true</c> when a bounded queue is at capacity.</summary>
    public virtual bool IsFull => false;

    /// <summary><c>true</c> when a full queue holds back senders rather than dropping.</summary>
    public virtual bool BacksPressure => false;
}
