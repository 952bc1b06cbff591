using Akka.Actor;
using EdgeMoE.Models.Moe.ChannelAware;
using EdgeMoE.Models.Randomness;
using EdgeMoE.Models.Wireless;
using EdgeMoE.Models.Wireless.Distortion;

namespace EdgeMoE.Actors.ChannelAware;

/// <summary>
/// The wireless link between the server and expert k: it distorts each sample's features at the sample's
/// instantaneous downlink SNR (analog noise or digital quantisation and bit errors), hands them to the expert and
/// carries the logits back, ideally or, with a noisy uplink, through the same transmission at a fresh fading draw.
/// Its noise for a round comes from a generator seeded by (run seed, link, round), so results do not depend on the
/// order rounds or messages arrive in.
/// </summary>
public sealed class FeatureLinkActor : ReceiveActor
{
    private readonly int _index;
    private readonly IActorRef _expert;
    private readonly long _seed;
    private readonly bool _noisyUplink;
    private readonly BlockFading _fading;
    private readonly Dictionary<string, (IActorRef Server, DownlinkBatch Batch)> _pending = [];

    /// <summary>A link to <paramref name="expert"/>.</summary>
    public FeatureLinkActor(int index, IActorRef expert, long seed, bool noisyUplink, BlockFading fading)
    {
        _index = index;
        _expert = expert;
        _seed = seed;
        _noisyUplink = noisyUplink;
        _fading = fading;
        Receive<DownlinkBatch>(OnDownlink);
        Receive<ExpertOutput>(OnExpertOutput);
    }

    /// <summary>Props of link <paramref name="index"/>.</summary>
    public static Props Props(int index, IActorRef expert, long seed, bool noisyUplink, BlockFading fading) =>
        Akka.Actor.Props.Create(() => new FeatureLinkActor(index, expert, seed, noisyUplink, fading));

    private void OnDownlink(DownlinkBatch batch)
    {
        var received = batch.Features.ToArray();
        if (batch.Transmission is not null)
        {
            FeatureCorruption.Apply(batch.Transmission, received, LeNetBackbone.FeatureSize, batch.Snrs.ToArray(), Generator(batch.Round, "down"));
        }

        _pending[batch.Round] = (Sender, batch);
        _expert.Tell(new ExpertInput(batch.Round, batch.Samples, received));
    }

    private void OnExpertOutput(ExpertOutput output)
    {
        if (!_pending.Remove(output.Round, out var pending))
        {
            throw new InvalidOperationException($"link {_index}: outputs of unknown round {output.Round}");
        }

        var logits = output.Logits.ToArray();
        if (_noisyUplink && pending.Batch.Transmission is { } transmission && output.Samples.Count > 0)
        {
            var random = Generator(output.Round, "up");
            var mean = Decibels.ToLinear(pending.Batch.MeanSnrDb);
            var snrs = new double[output.Samples.Count];
            for (var i = 0; i < snrs.Length; i++)
            {
                snrs[i] = _fading.Instantaneous(mean, random);
            }

            FeatureCorruption.Apply(transmission, logits, logits.Length / snrs.Length, snrs, random);
        }

        pending.Server.Tell(new UplinkOutput(output.Round, _index, output.Samples, logits));
    }

    private Xoshiro256Random Generator(string round, string direction) =>
        new(StableHash.Mix64(unchecked((ulong)_seed) ^ StableHash.Fnv1a64($"channel-aware/link-{_index}/{round}/{direction}")));
}
