using Akka.Actor;
using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Host.Commands.Bench.Remote;

/// <summary>
/// The receiving end of <c>bench remote</c>, deployed on the edge node: it acknowledges every dispatch with an empty
/// dispatch of the same sequence number, a type our serializer already carries, a few bytes long.
/// </summary>
internal sealed class DispatchSinkActor : ReceiveActor
{
    public DispatchSinkActor()
    {
        Receive<TokenDispatch>(d => Sender.Tell(new TokenDispatch(d.Slot, d.Server, [], [], [], 0, TimeSpan.Zero)));
    }

    /// <summary>Props of a sink (no arguments, so it deploys anywhere).</summary>
    public static Props Props() => Akka.Actor.Props.Create<DispatchSinkActor>();
}
