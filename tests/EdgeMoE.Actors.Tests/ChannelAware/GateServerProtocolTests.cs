using EdgeMoE.Actors.ChannelAware;
using EdgeMoE.Models.Data;
using EdgeMoE.Models.Moe.ChannelAware;
using EdgeMoE.Models.Wireless.Distortion;

namespace EdgeMoE.Actors.Tests.ChannelAware;

public sealed class GateServerProtocolTests : TestKit
{
    private static readonly LabeledImages Test = SyntheticImages.GaussianClusters(60, 4, 1, 28, 28, 0.3, seed: 4);

    [Fact]
    public void Over_ideal_links_the_server_scores_exactly_what_the_routed_experts_predict()
    {
        using var model = new ChannelAwareMoe(1, 3, 1, 28, 28, 4, 8, 6);
        var features = model.Features(Test.Pixels, Test.Count, 1, 28, 28);
        var chosen = model.Route(features, new float[Test.Count * 3], aware: false);
        var expected = 0;
        for (var i = 0; i < Test.Count; i++)
        {
            var logits = ChannelAwareMoe.ExpertLogits(model.ExpertNetworks[chosen[i]], features.AsSpan(i * 84, 84));
            expected += ChannelAwareMoe.Predictions(logits, 4)[0] == Test.Labels[i] ? 1 : 0;
        }

        var server = Sys.ActorOf(GateServerActor.Props(model, Test, 1, new BlockFading(true), noisyUplink: false), "server");
        server.Tell(new SweepPoint("ideal", "ideal", GateKind.Ideal, new AnalogTransmission(), 0));
        var result = ExpectMsg<SweepPointResult>(TimeSpan.FromSeconds(20));
        Assert.Equal(expected, result.Correct);
        Assert.Equal(Test.Count, result.Count);
        Assert.Equal(Enumerable.Range(0, 3).Select(k => chosen.Count(c => c == k)), result.Chosen);
    }

    [Fact]
    public void A_round_replays_bit_for_bit_and_a_60_dB_analog_link_both_ways_scores_as_the_ideal_one()
    {
        using var model = new ChannelAwareMoe(1, 3, 1, 28, 28, 4, 8, 6);
        var server = Sys.ActorOf(GateServerActor.Props(model, Test, 1, new BlockFading(false), noisyUplink: true), "server");
        var digital = new DigitalTransmission(4, Modulation.Bpsk, 0);
        server.Tell(new SweepPoint("ideal", "ideal", GateKind.Ideal, digital, 0));
        var ideal = ExpectMsg<SweepPointResult>(TimeSpan.FromSeconds(20));
        var results = new List<SweepPointResult>();
        foreach (var round in new[] { "r", "r" })
        {
            server.Tell(new SweepPoint(round, "key", GateKind.Naive, digital, -20));
            results.Add(ExpectMsg<SweepPointResult>(TimeSpan.FromSeconds(20)));
        }

        Assert.Equal(results[0].Correct, results[1].Correct);
        Assert.Equal(ideal.Chosen, results[0].Chosen);
        server.Tell(new SweepPoint("r2", "key2", GateKind.Naive, new AnalogTransmission(), 60));
        Assert.Equal(ideal.Correct, ExpectMsg<SweepPointResult>(TimeSpan.FromSeconds(20)).Correct);
    }
}
