using Akka.Actor;
using EdgeMoE.Models.Data;
using EdgeMoE.Models.Moe.ChannelAware;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Randomness;
using EdgeMoE.Models.Wireless;

namespace EdgeMoE.Actors.ChannelAware;

/// <summary>
/// The server of the channel-aware MoE: it runs the backbone F over the test images once, and for each sweep point
/// draws every link's per-sample fading (CSI), routes each sample top-1 with the naive or the channel-aware gate,
/// sends each expert's samples down its link, and scores the outputs that come back once all K links answered.
/// It creates the K edge experts and their links as children.
/// </summary>
public sealed class GateServerActor : ReceiveActor
{
    private const int Width = LeNetBackbone.FeatureSize;
    private readonly ChannelAwareMoe _model;
    private readonly float[] _features;
    private readonly int[] _labels;
    private readonly long _seed;
    private readonly BlockFading _fading;
    private readonly IActorRef[] _links;
    private Pending? _pending;

    /// <summary>A server over <paramref name="model"/> (trained), scoring on <paramref name="test"/>.</summary>
    public GateServerActor(ChannelAwareMoe model, LabeledImages test, long seed, BlockFading fading, bool noisyUplink)
    {
        TorchThreads.ApplyToCallingThread();
        _model = model;
        _seed = seed;
        _fading = fading;
        _labels = test.Labels;
        _features = model.Features(test.Pixels, test.Count, test.Channels, test.Height, test.Width);
        _links = new IActorRef[model.Experts];
        for (var k = 0; k < model.Experts; k++)
        {
            var expert = Context.ActorOf(EdgeExpertActor.Props(model.ExpertNetworks[k]), $"expert-{k}");
            _links[k] = Context.ActorOf(FeatureLinkActor.Props(k, expert, seed, noisyUplink, fading), $"link-{k}");
        }

        Receive<SweepPoint>(OnSweepPoint);
        Receive<UplinkOutput>(OnUplinkOutput);
    }

    /// <summary>Props of a server; the actor owns <paramref name="model"/>'s networks while it runs.</summary>
    public static Props Props(ChannelAwareMoe model, LabeledImages test, long seed, BlockFading fading, bool noisyUplink) =>
        Akka.Actor.Props.Create(() => new GateServerActor(model, test, seed, fading, noisyUplink));

    private void OnSweepPoint(SweepPoint point)
    {
        TorchThreads.ApplyToCallingThread();
        if (_pending is not null)
        {
            throw new InvalidOperationException($"sweep point {point.Round} arrived while {_pending.Round} is running");
        }

        var count = _labels.Length;
        var experts = _model.Experts;
        var ideal = point.Gate == GateKind.Ideal;
        var snrs = new double[count * experts];
        var csi = new float[count * experts];
        if (!ideal)
        {
            var random = new Xoshiro256Random(StableHash.Mix64(unchecked((ulong)_seed) ^ StableHash.Fnv1a64($"channel-aware/fading/{point.ChannelKey}")));
            var mean = Decibels.ToLinear(point.MeanSnrDb);
            for (var i = 0; i < snrs.Length; i++)
            {
                snrs[i] = _fading.Instantaneous(mean, random);
                csi[i] = CsiEncoding.Encode(point.Transmission.DistortionVariance(snrs[i]));
            }
        }

        var chosen = _model.Route(_features, csi, point.Gate == GateKind.Aware);
        var routed = new List<int>[experts];
        for (var k = 0; k < experts; k++)
        {
            routed[k] = [];
        }

        for (var i = 0; i < count; i++)
        {
            routed[chosen[i]].Add(i);
        }

        _pending = new Pending(point.Round, Sender, new int[count], experts, routed.Select(r => r.Count).ToArray());
        for (var k = 0; k < experts; k++)
        {
            var samples = routed[k].ToArray();
            var rows = new float[samples.Length * Width];
            var linkSnrs = new double[ideal ? 0 : samples.Length];
            for (var j = 0; j < samples.Length; j++)
            {
                _features.AsSpan(samples[j] * Width, Width).CopyTo(rows.AsSpan(j * Width, Width));
                if (!ideal)
                {
                    linkSnrs[j] = snrs[(samples[j] * experts) + k];
                }
            }

            _links[k].Tell(new DownlinkBatch(point.Round, samples, rows, linkSnrs, ideal ? null : point.Transmission, point.MeanSnrDb));
        }
    }

    private void OnUplinkOutput(UplinkOutput output)
    {
        if (_pending is null || _pending.Round != output.Round)
        {
            throw new InvalidOperationException($"outputs of round {output.Round} arrived unexpectedly");
        }

        var predicted = ChannelAwareMoe.Predictions(output.Logits.ToArray(), _model.Classes);
        for (var j = 0; j < predicted.Length; j++)
        {
            _pending.Predictions[output.Samples[j]] = predicted[j];
        }

        if (--_pending.Waiting > 0)
        {
            return;
        }

        var correct = 0;
        for (var i = 0; i < _labels.Length; i++)
        {
            correct += _pending.Predictions[i] == _labels[i] ? 1 : 0;
        }

        _pending.ReplyTo.Tell(new SweepPointResult(_pending.Round, correct, _labels.Length, _pending.Chosen));
        _pending = null;
    }

    private sealed class Pending(string round, IActorRef replyTo, int[] predictions, int waiting, int[] chosen)
    {
        public string Round { get; } = round;

        public IActorRef ReplyTo { get; } = replyTo;

        public int[] Predictions { get; } = predictions;

        public int Waiting { get; set; } = waiting;

        public int[] Chosen { get; } = chosen;
    }
}
