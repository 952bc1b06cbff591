namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// <c>/deadLetters</c>: everything sent here is published on the event stream as a <see cref="DeadLetter"/>. Also the
/// reference of a path that names no actor (Akka's empty local reference), under that path.
/// </summary>
internal sealed class DeadLettersRef(ActorSystem system, ActorPath path) : ActorRefBase(system, path)
{
    internal override void DeliverUser(in Envelope envelope) =>
        System.PublishDeadLetter(envelope.Message is DeadLetter d ? d : new DeadLetter(envelope.Message, envelope.Sender, this));

    // System messages to nobody only matter for Watch: the watcher learns at once that the target does not exist.
    internal override void DeliverSystem(SystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystem(new DeathWatchNotification(this, existenceConfirmed: false));
        }
    }
}
