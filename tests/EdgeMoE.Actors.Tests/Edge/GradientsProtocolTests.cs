using EdgeMoE.Actors.Edge.Channels;
using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Actors.Tests.Edge;

/// <summary>The router's loss gradients back to the servers, their training, and the link closing its slot.</summary>
public sealed class GradientsProtocolTests : TestKit
{
    [Fact]
    public void Experts_of_one_token_get_proportional_gradients_weighted_by_the_gate()
    {
        var (router, policy, _, channels) = TinyNetwork.Router(this);
        router.Tell(new TokenBatch(0, [7], [1], TinyImages.Indices(1), TinyImages.Pixels(1), TimeSpan.Zero));
        policy.ExpectMsg<DecisionRequest>();
        policy.Reply(new SlotDecision(0, [[0, 2]], [1e9, 1e9, 1e9], 0));
        foreach (var channel in channels)
        {
            channel.ExpectMsg<TokenDispatch>();
        }

        router.Tell(new ExpertOutputs(0, 0, [7], [0.1f, 0.5f, -0.2f], TimeSpan.FromSeconds(0.2)));
        router.Tell(new ExpertOutputs(0, 1, [], [], TimeSpan.FromSeconds(0.1)));
        router.Tell(new ExpertOutputs(0, 2, [7], [0.3f, -0.1f, 0.4f], TimeSpan.FromSeconds(0.4)));
        var toServer0 = channels[0].ExpectMsg<OutputGradients>();
        Assert.Empty(channels[1].ExpectMsg<OutputGradients>().TokenIds);
        var toServer2 = channels[2].ExpectMsg<OutputGradients>();
        Assert.Equal(TinyImages.Classes, toServer0.Gradients.Length);

        // Both experts get w_j·dL/dy of the same dL/dy, so their gradients are proportional with ratio w_0/w_2 > 0.
        var ratio = toServer0.Gradients[0] / toServer2.Gradients[0];
        Assert.True(ratio > 0);
        for (var c = 1; c < TinyImages.Classes; c++)
        {
            Assert.Equal(ratio, toServer0.Gradients[c] / toServer2.Gradients[c], 4);
        }

        // The router learns once the last output arrived (0.4 s) and sends the gradients then.
        Assert.Equal((TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(0.4)), (toServer0.ArrivesAt, toServer2.ArrivesAt));
    }

    [Fact]
    public void Training_on_returned_gradients_changes_the_experts_outputs()
    {
        var (server, policy, clock, channel) = TinyNetwork.Server(this, []);
        server.Tell(new SlotTick(0, TimeSpan.Zero));
        policy.ExpectMsg<ServerStatus>();
        var pixels = TinyImages.Pixels(3);
        server.Tell(new TokenDispatch(0, 0, [0, 1, 2], TinyImages.Indices(3), pixels, 1e9, TimeSpan.Zero));
        var before = channel.ExpectMsg<ExpertOutputs>();
        var gradients = Enumerable.Repeat(0.5f, 3 * TinyImages.Classes).ToArray();
        server.Tell(new OutputGradients(0, 0, [0, 1, 2], gradients, TimeSpan.FromSeconds(0.8)));
        var report = clock.ExpectMsg<ServerSlotReport>();
        // The server finishes its slot when the gradients arrive.
        Assert.Equal((3, TimeSpan.FromSeconds(0.8)), (report.Trained, report.ArrivesAt));

        var probe = CreateTestProbe();
        probe.Send(server, new EvaluationRequest(0, pixels));
        var after = probe.ExpectMsg<EvaluationOutputs>();
        Assert.NotEqual(before.Outputs, after.Outputs);
        // A positive gradient on every output lowers every output under gradient descent.
        Assert.True(after.Outputs.Sum() < before.Outputs.Sum());
    }

    [Fact]
    public void A_gradient_for_a_token_the_server_never_computed_fails_the_server()
    {
        var (server, policy, _, channel) = TinyNetwork.Server(this, []);
        server.Tell(new SlotTick(0, TimeSpan.Zero));
        policy.ExpectMsg<ServerStatus>();
        server.Tell(new TokenDispatch(0, 0, [], [], [], 1e9, TimeSpan.Zero));
        channel.ExpectMsg<ExpertOutputs>();
        EventFilter.Exception<InvalidOperationException>(contains: "which it did not compute").ExpectOne(
            () => server.Tell(new OutputGradients(0, 0, [42], new float[TinyImages.Classes], TimeSpan.Zero)));
    }

    [Fact]
    public void Gradients_close_the_links_slot_with_its_bits_and_energy_both_ways()
    {
        var router = CreateTestProbe();
        var server = CreateTestProbe();
        var clock = CreateTestProbe();
        var channel = Sys.ActorOf(ChannelActor.Props(0, TinyNetwork.SteadyLink, router.Ref, server.Ref, clock.Ref, TinyNetwork.Seed("channel-0")), "channel-0");
        channel.Tell(new TokenDispatch(0, 0, [1, 2], TinyImages.Indices(2), TinyImages.Pixels(2), 1e9, TimeSpan.Zero));
        var dispatched = server.ExpectMsg<TokenDispatch>();
        channel.Tell(new ExpertOutputs(0, 0, [1, 2], new float[2 * TinyImages.Classes], TimeSpan.FromSeconds(0.5)));
        router.ExpectMsg<ExpertOutputs>();
        clock.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        channel.Tell(new OutputGradients(0, 0, [1, 2], new float[2 * TinyImages.Classes], TimeSpan.FromSeconds(0.75)));
        var delivered = server.ExpectMsg<OutputGradients>();
        var report = clock.ExpectMsg<LinkSlotReport>();

        var bits = 32.0 * 2 * (TinyImages.ImageSize + TinyImages.Classes + TinyImages.Classes);
        Assert.Equal(bits, report.Bits);
        Assert.Equal(TimeSpan.FromSeconds(0.75), report.ArrivesAt);
        // Transmit energy P0·M·(bits/rate), and each message is late by its own bits/rate (to a 100 ns tick).
        var link = TinyNetwork.SteadyLink;
        var rate = link.Subcarriers * link.Budget.SpacingHz * Math.Log2(1 + (link.MeanGain * link.Budget.PowerW / link.Budget.NoiseW));
        Assert.InRange(report.Joules / (link.Budget.PowerW * link.Subcarriers * bits / rate), 1 - 1e-6, 1 + 1e-6);
        Assert.InRange((delivered.ArrivesAt - TimeSpan.FromSeconds(0.75)).TotalSeconds / (32.0 * 2 * TinyImages.Classes / rate), 1 - 1e-3, 1 + 1e-3);
        Assert.InRange(dispatched.ArrivesAt.TotalSeconds / (32.0 * 2 * TinyImages.ImageSize / rate), 1 - 1e-3, 1 + 1e-3);
    }
}
