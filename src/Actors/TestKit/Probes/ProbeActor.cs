using System.Collections.Concurrent;
using EdgeMoE.Actors.Runtime;

namespace EdgeMoE.Actors.TestKit;

/// <summary>The actor behind a <see cref="TestProbe"/>: queues everything it receives for the test thread.</summary>
internal sealed class ProbeActor(ConcurrentQueue<ProbeActor.Received> inbox, SemaphoreSlim arrivals) : ActorBase
{
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case WatchCommand watch:
                Context.Watch(watch.Target);
                break;
            case UnwatchCommand unwatch:
                Context.Unwatch(unwatch.Target);
                break;
            default:
                inbox.Enqueue(new Received(message, Sender));
                arrivals.Release();
                break;
        }
    }

    internal sealed record Received(object Message, IActorRef Sender);

    internal sealed record WatchCommand(IActorRef Target);

    internal sealed record UnwatchCommand(IActorRef Target);
}
