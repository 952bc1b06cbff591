using Akka.Actor;
using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Actors.Randomness;
using EdgeMoE.Models.Wireless.Fading;

namespace EdgeMoE.Actors.Edge.Channels;

/// <summary>
/// The link between the router and server j, both directions. Each slot its subcarriers fade anew; every tensor it
/// carries (tokens and gradients down, outputs up) is forwarded at once with its virtual arrival time advanced by the
/// link latency bits/rate, distorted when the link is configured so, and counted. Gradients are the last traffic of a
/// slot, so forwarding them closes the link's slot: it then reports its bits and transmit energy to the clock.
/// </summary>
/// <remarks>
/// Per slot a link sees its three messages in causal order (dispatch, then outputs, then gradients), so its draws of
/// fading and distortion happen in the same order on every run.
/// </remarks>
public sealed class ChannelActor : ReceiveActor
{
    private readonly int _server;
    private readonly LinkSettings _settings;
    private readonly IActorRef _router;
    private readonly IActorRef _expertServer;
    private readonly IActorRef _clock;
    private readonly Random _random;
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
    /// <param name="seed">The actor's generator (fading and distortion).</param>
    /// <param name="restore">The state to continue from (a checkpoint's), or null for a fresh link.</param>
    public ChannelActor(int server, LinkSettings settings, IActorRef router, IActorRef expertServer, IActorRef clock, ActorSeed seed, ActorSnapshot? restore = null)
    {
        _server = server;
        _settings = settings;
        _router = router;
        _expertServer = expertServer;
        _clock = clock;
        _random = seed.NewGenerator();
        _fading = new FadingProcess(settings.Subcarriers, settings.Fading, _random);
        _gains = new double[settings.Subcarriers];
        Receive<TokenDispatch>(d => _expertServer.Tell(d with { ArrivesAt = Carry(d.Slot, d.Pixels, d.ArrivesAt) }));
        Receive<ExpertOutputs>(o => _router.Tell(o with { ArrivesAt = Carry(o.Slot, o.Outputs, o.ArrivesAt) }));
        Receive<OutputGradients>(g =>
        {
            _expertServer.Tell(g with { ArrivesAt = Carry(g.Slot, g.Gradients, g.ArrivesAt) });
            _clock.Tell(new LinkSlotReport(g.Slot, _server, _bits, _joules, g.ArrivesAt));
        });
        Receive<CaptureState>(c => Sender.Tell(Snapshot(c.Slot)));
        if (restore is not null)
        {
            SnapshotCodec.Restore(restore, Context.System, r =>
            {
                // The gains are drawn anew when the next slot's first tensor enters, so the slot and fading memory suffice.
                _slot = r.ReadVarInt();
                GeneratorState.Read(r, _random);
                _fading.ImportState(r.ReadDoubles());
            });
        }
    }

    /// <summary>Props of a link (see the constructor).</summary>
    public static Props Props(int server, LinkSettings settings, IActorRef router, IActorRef expertServer, IActorRef clock, ActorSeed seed, ActorSnapshot? restore = null) =>
        Akka.Actor.Props.Create(() => new ChannelActor(server, settings, router, expertServer, clock, seed, restore));

    /// <summary>The stable name of link <paramref name="server"/> in snapshots.</summary>
    public static string SnapshotName(int server) => $"channel-{server}";

    private ActorSnapshot Snapshot(long slot) => SnapshotCodec.Take(slot, SnapshotName(_server), w =>
    {
        w.WriteVarInt(_slot);
        GeneratorState.Write(w, _random);
        w.WriteDoubles(_fading.ExportState());
        return [];
    });

    /// <summary>Counts and distorts <paramref name="tensor"/>; returns the virtual time it reaches the far end.</summary>
    private TimeSpan Carry(long slot, float[] tensor, TimeSpan entersAt)
    {
        EnterSlot(slot);
        if (tensor.Length == 0)
        {
            return entersAt;
        }

        var bits = _settings.PayloadBits(tensor.Length);
        var cost = _settings.Budget.Price(bits, _gains);
        // A slow link (a scheduled slow-link failure) carries the same bits at a fraction of the rate: longer on air,
        // and the transmitter spends P0·M_j for that longer time.
        var factor = _settings.RateFactor(slot);
        var seconds = cost.Seconds / factor;
        _bits += bits;
        _joules += cost.Joules / factor;
        // The tensor belongs to this message alone (its sender built it for this link), so it is distorted in place.
        _settings.Transmission?.Transmit(tensor, cost.EffectiveSnr, _random);
        return entersAt + TimeSpan.FromSeconds(seconds);
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
