using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace EdgeMoE.Host.Commands.Bench.Scale;

/// <summary>
/// Akka's unbounded mailbox that counts every user message enqueued in this process (<see cref="Delivered"/>):
/// <c>bench scale</c> configures it as its actor systems' default mailbox, so the count is real, not derived from
/// the protocol. System messages (watch, stop) take another queue and are not counted.
/// </summary>
public sealed class CountingMailbox : MailboxType, IProducesMessageQueue<UnboundedMessageQueue>
{
    private static long _delivered;

    /// <summary>Created by Akka from <c>akka.actor.default-mailbox.mailbox-type</c>.</summary>
    public CountingMailbox(Akka.Actor.Settings settings, Akka.Configuration.Config config)
        : base(settings, config)
    {
    }

    /// <summary>Messages enqueued in any counting mailbox of this process so far.</summary>
    public static long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>The HOCON that makes this the default mailbox of an actor system.</summary>
    public static Akka.Configuration.Config Configuration { get; } = ConfigurationFactory.ParseString(
        $"akka.actor.default-mailbox.mailbox-type = \"{typeof(CountingMailbox).FullName}, {typeof(CountingMailbox).Assembly.GetName().Name}\"");

    /// <inheritdoc />
    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new CountingQueue(new UnboundedMessageQueue());

    private sealed class CountingQueue(UnboundedMessageQueue inner) : IMessageQueue, IUnboundedMessageQueueSemantics
    {
        public bool HasMessages => inner.HasMessages;

        public int Count => inner.Count;

        public void Enqueue(IActorRef receiver, Envelope envelope)
        {
            Interlocked.Increment(ref _delivered);
            inner.Enqueue(receiver, envelope);
        }

        public bool TryDequeue(out Envelope envelope) => inner.TryDequeue(out envelope);

        public void CleanUp(IActorRef owner, IMessageQueue deadletters) => inner.CleanUp(owner, deadletters);
    }
}
