using Akka.Actor;
using EdgeMoE.Actors.Cluster.Placement;
using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Host.Commands.Bench.Remote;

/// <summary>
/// The sending end of <c>bench remote</c>: deploys a <see cref="DispatchSinkActor"/> as edge group 0 and keeps
/// <c>window</c> copies of one slot's <see cref="TokenDispatch"/> in flight to it, sending the next as each
/// acknowledgement comes back; <see cref="StreamProgress"/> counts the acknowledged ones for the measuring thread.
/// </summary>
internal sealed class DispatchStreamActor : ReceiveActor
{
    private readonly TokenDispatch _payload;
    private readonly StreamProgress _progress;
    private readonly IActorRef _sink;
    private long _sent;

    public DispatchStreamActor(EdgePlacement placement, TokenDispatch payload, int window, StreamProgress progress)
    {
        _payload = payload;
        _progress = progress;
        _sink = Context.ActorOf(placement.Place(DispatchSinkActor.Props(), 0), "sink");
        Receive<TokenDispatch>(_ =>
        {
            _progress.Acknowledged();
            Send();
        });
        for (var i = 0; i < window; i++)
        {
            Send();
        }
    }

    /// <summary>Props of a stream (see the class).</summary>
    public static Props Props(EdgePlacement placement, TokenDispatch payload, int window, StreamProgress progress) =>
        Akka.Actor.Props.Create(() => new DispatchStreamActor(placement, payload, window, progress));

    private void Send() => _sink.Tell(_payload with { Slot = _sent++ });
}
