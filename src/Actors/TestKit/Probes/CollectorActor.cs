using System.Collections.Concurrent;
using EdgeMoE.Actors.Runtime;

namespace EdgeMoE.Actors.TestKit;

/// <summary>Collects every event it is subscribed to (dead letters, unhandled messages).</summary>
internal sealed class CollectorActor(ConcurrentQueue<object> events) : ActorBase
{
    protected override void OnReceive(object message) => events.Enqueue(message);
}
