namespace EdgeMoE.Actors.Runtime;

/// <summary>Reference to an actor of this process; delivers straight into its cell's mailbox.</summary>
internal sealed class LocalActorRef(ActorSystem system, ActorPath path, ActorCell cell) : ActorRefBase(system, path)
{
    public ActorCell Cell { get; } = cell;

    internal override void DeliverUser(in Envelope envelope) => Cell.EnqueueUser(envelope);

    internal override void DeliverSystem(SystemMessage message) => Cell.EnqueueSystem(message);
}
