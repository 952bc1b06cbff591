using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Actors.Runtime;

namespace EdgeMoE.Host.Scenarios;

/// <summary>Hands the clock's per-slot metrics to the host (reports, progress) as they come, one slot at a time.</summary>
internal sealed class SlotObserverActor : ReceiveActor
{
    public SlotObserverActor(Action<SlotMetrics> onSlot, Action onCompleted)
    {
        Receive<SlotMetrics>(onSlot);
        Receive<RunCompleted>(_ => onCompleted());
    }
}
