using Akka.Actor;
using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Host.Scenarios;

/// <summary>Hands the clock's per-slot metrics to the host (reports, progress) as they come, one slot at a time.</summary>
internal sealed class SlotObserverActor : ReceiveActor
{
    public SlotObserverActor(Action<SlotMetrics> onSlot, Action onCompleted)
    {
        Receive<SlotMetrics>(onSlot);
        Receive<RunCompleted>(_ => onCompleted());
    }

    /// <summary>Props of an observer (see the constructor).</summary>
    public static Props Props(Action<SlotMetrics> onSlot, Action onCompleted) =>
        Akka.Actor.Props.Create(() => new SlotObserverActor(onSlot, onCompleted));
}
