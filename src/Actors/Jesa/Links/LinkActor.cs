using Akka.Actor;
using EdgeMoE.Actors.Jesa.Messages;
using EdgeMoE.Models.Wireless;

namespace EdgeMoE.Actors.Jesa.Links;

/// <summary>
/// The device-to-device link i → j: reports its block-fading gains as CSI, carries hidden states forward to expert j
/// charging eq. 3 on its assigned subcarrier, and carries j's outputs back to i (the paper's energy counts s_ij only).
/// </summary>
public sealed class LinkActor : ReceiveActor
{
    private readonly int _from;
    private readonly int _to;
    private readonly int _runSeed;
    private readonly JesaRadio _radio;
    private readonly string _name;
    private IActorRef[] _nodes = [];
    private double[] _gains = [];

    /// <summary>A link from node <paramref name="from"/> to <paramref name="to"/>.</summary>
    public LinkActor(int from, int to, int runSeed, JesaRadio radio)
    {
        (_from, _to, _runSeed, _radio) = (from, to, runSeed, radio);
        _name = $"link-{from}-{to}";
        Receive<LinkWiring>(w => _nodes = w.Nodes);
        Receive<MeasureLink>(OnMeasure);
        Receive<ForwardHiddenStates>(OnForward);
        Receive<ExpertOutputs>(o => _nodes[o.Source].Tell(o));
    }

    /// <summary>Props of the link <paramref name="from"/> → <paramref name="to"/>.</summary>
    public static Props Props(int from, int to, int runSeed, JesaRadio radio) =>
        Akka.Actor.Props.Create(() => new LinkActor(from, to, runSeed, radio));

    private void OnMeasure(MeasureLink m)
    {
        _gains = BlockFading.Gains(_runSeed, _name, m.Round, m.Layer, _radio.Subcarriers, _radio.PathLoss);
        Sender.Tell(new LinkCsi(_from, _to, m.Round, m.Layer, _gains));
    }

    private void OnForward(ForwardHiddenStates f)
    {
        var rate = Ofdma.SubcarrierRate(_radio.SpacingHz, _gains[f.Subcarrier], _radio.PowerW, _radio.NoiseW);
        var energy = Ofdma.CommunicationEnergy(_radio.HiddenStateBits * f.Tokens.Length, rate, 1, _radio.PowerW);
        _nodes[_to].Tell(new DeliveredHiddenStates(f.From, f.To, f.Round, f.Layer, f.Tokens, f.States, energy));
    }
}

