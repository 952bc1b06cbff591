using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Actors.Edge.Policy;
using EdgeMoE.Actors.Edge.Servers;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Actors.Tests.Edge;

/// <summary>Configured outages: the server says it is down, computes nothing, and no policy routes to it.</summary>
public sealed class OutageProtocolTests : TestKit
{
    private const int Servers = 4;

    public static TheoryData<string> Policies => [.. RoutingPolicyCatalog.All.Select(p => p.Name)];

    [Fact]
    public void A_server_in_outage_says_so_and_computes_nothing()
    {
        var (server, policy, clock, channel) = TinyNetwork.Server(this, [new OutageWindow(1, 3)]);
        for (var t = 0; t < 4; t++)
        {
            server.Tell(new SlotTick(t, TimeSpan.FromSeconds(t)));
            var expectAvailable = t is not (1 or 2);
            Assert.Equal(expectAvailable, policy.ExpectMsg<ServerStatus>().Available);
            server.Tell(new TokenDispatch(t, 0, [t], TinyImages.Indices(1), TinyImages.Pixels(1), 1e9, TimeSpan.FromSeconds(t)));
            var outputs = channel.ExpectMsg<ExpertOutputs>();
            server.Tell(new OutputGradients(t, 0, [], [], TimeSpan.FromSeconds(t)));
            var report = clock.ExpectMsg<ServerSlotReport>();
            Assert.Equal(expectAvailable, report.Available);
            Assert.Equal(expectAvailable ? 1e9 : 0, report.FrequencyHz);
            if (!expectAvailable)
            {
                // Nothing computed takes no busy time.
                Assert.Empty(outputs.TokenIds);
                Assert.Equal(TimeSpan.FromSeconds(t), outputs.ArrivesAt);
            }
        }
    }

    [Fact]
    public void Tokens_queued_during_an_outage_are_computed_after_it()
    {
        var (server, policy, _, channel) = TinyNetwork.Server(this, [new OutageWindow(0, 1)]);
        server.Tell(new SlotTick(0, TimeSpan.Zero));
        policy.ExpectMsg<ServerStatus>();
        server.Tell(new TokenDispatch(0, 0, [5, 6], TinyImages.Indices(2), TinyImages.Pixels(2), 1e9, TimeSpan.Zero));
        Assert.Empty(channel.ExpectMsg<ExpertOutputs>().TokenIds);
        server.Tell(new OutputGradients(0, 0, [], [], TimeSpan.Zero));
        server.Tell(new SlotTick(1, Tau));
        Assert.Equal(2, policy.ExpectMsg<ServerStatus>().TokenBacklog);
        server.Tell(new TokenDispatch(1, 0, [], [], [], 1e9, Tau));
        Assert.Equal([5L, 6L], channel.ExpectMsg<ExpertOutputs>().TokenIds);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void An_unavailable_expert_is_never_routed_to(string name)
    {
        var profile = new EdgeMoE.Models.Compute.ServerProfile(1e7, 2e-27, 1, 3e9, 15, 5);
        var parameters = new SlotParameters(50, 1, 2, [.. Enumerable.Repeat(profile, Servers)]);
        var policy = Sys.ActorOf(PolicyActor.Props(RoutingPolicyCatalog.Find(name)!, parameters, TinyNetwork.Seed("policy")), "policy");
        var router = CreateTestProbe();
        var random = new Random(3);
        for (var slot = 0; slot < 3; slot++)
        {
            var down = slot % Servers;
            // Server `down` is out, and it looks the most attractive: empty queues and the highest score.
            for (var j = 0; j < Servers; j++)
            {
                policy.Tell(new ServerStatus(slot, j, j == down ? 0 : 40, j == down ? 0 : 3, Available: j != down));
            }

            var scores = new double[30 * Servers];
            for (var i = 0; i < 30; i++)
            {
                for (var j = 0; j < Servers; j++)
                {
                    scores[(i * Servers) + j] = j == down ? 0.7 : 0.1 * random.NextDouble();
                }
            }

            router.Send(policy, new DecisionRequest(slot, new GatingScores(30, Servers, scores)));
            var decision = router.ExpectMsg<SlotDecision>();
            Assert.Equal(30, decision.Routing.Count);
            Assert.All(decision.Routing, route => Assert.Equal(2, route.Length));
            Assert.All(decision.Routing, route => Assert.DoesNotContain(down, route));
            Assert.Equal(0, decision.FrequencyHz[down]);
        }
    }

    private static TimeSpan Tau => TimeSpan.FromSeconds(1);
}
