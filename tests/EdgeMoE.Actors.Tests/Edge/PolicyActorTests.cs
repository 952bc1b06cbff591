using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Actors.Edge.Policy;
using EdgeMoE.Models.Compute;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Actors.Tests.Edge;

public sealed class PolicyActorTests : ActorTestKit
{
    private const int Servers = 4;

    public static TheoryData<string> Policies => [.. RoutingPolicyCatalog.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Policies))]
    public void An_unavailable_expert_is_never_routed_to(string name)
    {
        var profile = new ServerProfile(1e7, 2e-27, 1, 3e9, 15, 5);
        var parameters = new SlotParameters(50, 1, 2, [.. Enumerable.Repeat(profile, Servers)]);
        var policy = ActorOf(Props.Create(() => new PolicyActor(RoutingPolicyCatalog.Find(name)!, parameters)), "policy");
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

    [Fact]
    public void The_decision_waits_for_every_server_status()
    {
        var profile = new ServerProfile(1e7, 2e-27, 1, 3e9, 15, 5);
        var policy = ActorOf(Props.Create(() => new PolicyActor(RoutingPolicyCatalog.Find("top-k")!, new SlotParameters(50, 1, 1, [profile, profile]))), "policy");
        var router = CreateTestProbe();
        router.Send(policy, new DecisionRequest(0, new GatingScores(1, 2, [0.4, 0.6])));
        policy.Tell(new ServerStatus(0, 0, 0, 0, true));
        router.ExpectNoMsg(TimeSpan.FromSeconds(1));
        policy.Tell(new ServerStatus(0, 1, 0, 0, true));
        Assert.Equal([1], router.ExpectMsg<SlotDecision>().Routing[0]);
    }
}
