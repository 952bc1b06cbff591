using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Actors.Runtime;
using EdgeMoE.Models.Wireless.Channel;
using EdgeMoE.Models.Wireless.Fading;

namespace EdgeMoE.Actors.Edge.Channels;

/// <summary>
/// The link between the router and server j, both directions. Each slot its subcarriers fade anew; every tensor it
/// carries (tokens and gradients down, outputs up) is delayed by bits/rate in virtual time, distorted when the link is
/// configured so, and counted. Gradients are the last traffic of a slot, so forwarding them closes the link's slot:
/// it then reports its bits and transmit energy to the clock.
/// </summary>
public sealed class ChannelActor : ReceiveActor
{
    private readonly int _server;
    private readonly LinkSettings _settings;
    private readonly IActorRef _router;
    private readonly IActorRef _expertServer;
    private readonly IActorRef _clock;
    private readonly FadingProcess _fading;
    private readonly double[] _gains;
    private long _slot = -1;
    private double _bits;
    private double _joules;

    /// <param name="server">Index j of the server at the far end.</param>
    /// <param name="settings">Subcarriers, power, noise, fading and distortion.</param>
    /// <param name="router">The router end.</param>
    /// <param name="expertServer">The server end.</param>
    /// <param name="clock">Receives the link's <see cref="LinkSlotReport"/> each slot.</param>
    public ChannelActor(int server, LinkSettings settings, IActorRef router, IActorRef expertServer, IActorRef clock)
    {
        _server = server;
        _settings = settings;
        _router = router;
        _expertServer = expertServer;
        _clock = clock;
        _fading = new FadingProcess(settings.Subcarriers, settings.Fading, Context.Random);
        _gains = new double[settings.Subcarriers];
        Receive<TokenDispatch>(d => Carry(d.Slot, d.Pixels, _expertServer, d));
        Receive<ExpertOutputs>(o => Carry(o.Slot, o.Outputs, _router, o));
        Receive<OutputGradients>(g =>
        {
            Carry(g.Slot, g.Gradients, _expertServer, g);
            _clock.Tell(new LinkSlotReport(g.Slot, _server, _bits, _joules));
        });
    }

    private void Carry(long slot, float[] tensor, IActorRef destination, object message)
    {
        EnterSlot(slot);
        var delay = TimeSpan.Zero;
        if (tensor.Length > 0)
        {
            var bits = _settings.PayloadBits(tensor.Length);
            var cost = _settings.Budget.Price(bits, _gains);
            _bits += bits;
            _joules += cost.Joules;
            delay = TimeSpan.FromSeconds(cost.Seconds);
            // The tensor belongs to this message alone (its sender built it for this link), so it is distorted in place.
            _settings.Transmission?.Transmit(tensor, cost.EffectiveSnr, Context.Random);
        }

        Context.System.Scheduler.ScheduleTellOnce(delay, destination, message, Self);
    }

    private void EnterSlot(long slot)
    {
        if (slot == _slot)
        {
            return;
        }

        // Block fading: the gains hold for the whole slot; a correlated process carries memory across slots.
        _slot = slot;
        _bits = 0;
        _joules = 0;
        _fading.Advance();
        _fading.PowerGains(_gains);
        for (var m = 0; m < _gains.Length; m++)
        {
            _gains[m] *= _settings.MeanGain;
        }
    }
}
