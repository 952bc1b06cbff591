using Akka.Actor;
using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Host.Scenarios;

/// <summary>Hands the clock's per-slot metrics to the host (reports, progress) as they come, one slot at a time.</summary>
internal sealed class SlotObserverActor : ReceiveActor
{
    public SlotObserverActor(Action<SlotMetrics> onSlot, Action onCompleted, Action<NetworkSnapshot>? onSnapshot = null)
    {
        Receive<SlotMetrics>(onSlot);
        Receive<NetworkSnapshot>(s => (onSnapshot ?? throw new InvalidOperationException("a network snapshot nobody asked for"))(s));
        Receive<RunCompleted>(_ => onCompleted());
    }

    /// <summary>Props of an observer (see the constructor).</summary>
    public static Props Props(Action<SlotMetrics> onSlot, Action onCompleted, Action<NetworkSnapshot>? onSnapshot = null) =>
        Akka.Actor.Props.Create(() => new SlotObserverActor(onSlot, onCompleted, onSnapshot));
}
