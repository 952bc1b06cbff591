using EdgeMoE.Actors.Edge.Channels;
using EdgeMoE.Actors.Edge.Clients;
using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Actors.Edge.Policy;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Actors.Tests.Edge;

/// <summary>Slot start to tokens at the servers: client batch, gating scores, policy decision, one dispatch per server.</summary>
public sealed class DispatchProtocolTests : TestKit
{
    private static readonly TimeSpan SlotStart = TimeSpan.FromSeconds(4);

    [Fact]
    public void Client_sends_one_batch_per_tick_stamped_with_the_slot_start()
    {
        var router = CreateTestProbe();
        var client = Sys.ActorOf(ClientActor.Props(TinyImages.Make(30), 12, router.Ref, TinyNetwork.Seed("client")), "client");
        client.Tell(new SlotTick(0, TimeSpan.Zero));
        var first = router.ExpectMsg<TokenBatch>();
        client.Tell(new SlotTick(1, SlotStart));
        var second = router.ExpectMsg<TokenBatch>();

        Assert.Equal((0L, TimeSpan.Zero, 1L, SlotStart), (first.Slot, first.ArrivesAt, second.Slot, second.ArrivesAt));
        // Token ids run on across slots, one image per token.
        Assert.Equal(Enumerable.Range(0, first.TokenIds.Length + second.TokenIds.Length).Select(i => (long)i), first.TokenIds.Concat(second.TokenIds));
        Assert.Equal(second.TokenIds.Length * TinyImages.ImageSize, second.Pixels.Length);
    }

    [Fact]
    public void Two_clients_with_the_same_seed_draw_the_same_arrivals()
    {
        var router = CreateTestProbe();
        var a = Sys.ActorOf(ClientActor.Props(TinyImages.Make(30), 12, router.Ref, TinyNetwork.Seed("client")), "a");
        var b = Sys.ActorOf(ClientActor.Props(TinyImages.Make(30), 12, router.Ref, TinyNetwork.Seed("client")), "b");
        a.Tell(new SlotTick(0, TimeSpan.Zero));
        var fromA = router.ExpectMsg<TokenBatch>();
        b.Tell(new SlotTick(0, TimeSpan.Zero));
        var fromB = router.ExpectMsg<TokenBatch>();
        Assert.Equal(fromA.Labels, fromB.Labels);
        Assert.Equal(fromA.Pixels, fromB.Pixels);
    }

    [Fact]
    public void Router_sends_each_token_to_its_K_servers()
    {
        var (router, policy, _, channels) = TinyNetwork.Router(this);
        router.Tell(new TokenBatch(0, [10, 11, 12], [0, 1, 2], TinyImages.Indices(3), TinyImages.Pixels(3), SlotStart));
        var request = policy.ExpectMsg<DecisionRequest>();
        Assert.Equal((3, TinyNetwork.RouterServers), (request.Scores.Tokens, request.Scores.Experts));
        policy.Reply(new SlotDecision(0, [[0, 1], [1, 2], [0, 2]], [1e9, 2e9, 3e9], 0));

        long[][] expected = [[10, 12], [10, 11], [11, 12]];
        for (var j = 0; j < TinyNetwork.RouterServers; j++)
        {
            var dispatch = channels[j].ExpectMsg<TokenDispatch>();
            Assert.Equal(j, dispatch.Server);
            Assert.Equal(expected[j], dispatch.TokenIds);
            Assert.Equal(2 * TinyImages.ImageSize, dispatch.Pixels.Length);
            Assert.Equal((j + 1) * 1e9, dispatch.FrequencyHz);
            // The policy decides in no virtual time: tokens leave when the batch arrived.
            Assert.Equal(SlotStart, dispatch.ArrivesAt);
        }
    }

    [Fact]
    public void Router_passes_each_servers_completion_cap_on_its_dispatch()
    {
        var (router, policy, _, channels) = TinyNetwork.Router(this);
        router.Tell(new TokenBatch(0, [10, 11, 12], [0, 1, 2], TinyImages.Indices(3), TinyImages.Pixels(3), SlotStart));
        policy.ExpectMsg<DecisionRequest>();
        policy.Reply(new SlotDecision(0, [[0, 1], [1, 2], [0, 2]], [3e9, 3e9, 3e9], 0, [1, 0, long.MaxValue]));
        Assert.Equal([1L, 0L, long.MaxValue], channels.Select(c => c.ExpectMsg<TokenDispatch>().CompletionCap));
    }

    [Fact]
    public void Gating_scores_are_a_distribution_over_the_servers_per_token()
    {
        var (router, policy, _, _) = TinyNetwork.Router(this);
        router.Tell(new TokenBatch(0, [0, 1], [0, 2], TinyImages.Indices(2), TinyImages.Pixels(2), TimeSpan.Zero));
        var scores = policy.ExpectMsg<DecisionRequest>().Scores;
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(1.0, scores.Row(i).ToArray().Sum(), 5);
            Assert.All(scores.Row(i).ToArray(), s => Assert.InRange(s, 0, 1));
        }
    }

    [Fact]
    public void The_policy_decides_only_once_every_server_status_is_in()
    {
        var profile = TinyNetwork.Profile;
        var policy = Sys.ActorOf(PolicyActor.Props(RoutingPolicyCatalog.Find("top-k")!, new SlotParameters(50, 1, 1, [profile, profile]), TinyNetwork.Seed("policy")), "policy");
        var router = CreateTestProbe();
        router.Send(policy, new DecisionRequest(0, new GatingScores(1, 2, [0.4, 0.6])));
        policy.Tell(new ServerStatus(0, 0, 0, 0, true));
        router.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        policy.Tell(new ServerStatus(0, 1, 0, 0, true));
        Assert.Equal([1], router.ExpectMsg<SlotDecision>().Routing[0]);
    }

    [Fact]
    public void A_channel_delivers_a_dispatch_later_by_bits_over_rate()
    {
        var (channel, router, server, clock) = Channel();
        var dispatch = new TokenDispatch(0, 0, [1, 2], TinyImages.Indices(2), TinyImages.Pixels(2), 1e9, SlotStart);
        channel.Tell(dispatch);
        var delivered = server.ExpectMsg<TokenDispatch>();

        var link = TinyNetwork.SteadyLink;
        var bits = 32.0 * 2 * TinyImages.ImageSize;
        var rate = link.Subcarriers * link.Budget.SpacingHz * Math.Log2(1 + (link.MeanGain * link.Budget.PowerW / link.Budget.NoiseW));
        Assert.Equal(bits / rate, (delivered.ArrivesAt - SlotStart).TotalSeconds, 6);
        Assert.Equal(dispatch.TokenIds, delivered.TokenIds);
        router.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        clock.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void An_empty_dispatch_crosses_the_link_in_no_time()
    {
        var (channel, _, server, _) = Channel();
        channel.Tell(new TokenDispatch(0, 0, [], [], [], 1e9, SlotStart));
        Assert.Equal(SlotStart, server.ExpectMsg<TokenDispatch>().ArrivesAt);
    }

    private (IActorRef Channel, TestProbe Router, TestProbe Server, TestProbe Clock) Channel()
    {
        var router = CreateTestProbe();
        var server = CreateTestProbe();
        var clock = CreateTestProbe();
        var channel = Sys.ActorOf(ChannelActor.Props(0, TinyNetwork.SteadyLink, router.Ref, server.Ref, clock.Ref, TinyNetwork.Seed("channel-0")), "channel-0");
        return (channel, router, server, clock);
    }
}
