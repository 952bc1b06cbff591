using EdgeMoE.Actors.Nmoe;
using EdgeMoE.Models.Moe.Federated;
using EdgeMoE.Models.Randomness;
using EdgeMoE.Policies.Nmoe;

namespace EdgeMoE.Actors.Tests.Nmoe;

/// <summary>The FL server over probe clients that answer each round with weights equal to their index.</summary>
public sealed class FlServerActorTests : TestKit
{
    [Fact]
    public void A_round_in_which_3_of_10_clients_drop_averages_the_other_7()
    {
        var outages = new[] { 1, 4, 7 }.Select(c => new ClientOutage(c, 2, 3)).ToList();
        var participation = new Participation(10, 2, 0, outages, new Xoshiro256Random(1));
        var probes = Enumerable.Range(0, 10).Select(_ => CreateTestProbe()).ToList();
        var server = Sys.ActorOf(FlServerActor.Props([.. probes.Select(p => p.Ref)], participation, [.. Enumerable.Repeat(100.0, 10)], 0.7, 1, "test"));
        server.Tell(new RunFederation(FederatedTask.FedAvg, 2, Weights(0)));
        for (var round = 1; round <= 2; round++)
        {
            // Answer in reverse client order: the average must not depend on arrival order.
            for (var c = 9; c >= 0; c--)
            {
                if (round == 2 && c is 1 or 4 or 7)
                {
                    probes[c].ExpectNoMsg(TimeSpan.FromMilliseconds(20));
                    continue;
                }

                var train = probes[c].ExpectMsg<TrainRound>();
                Assert.Equal(round, train.Round);
                probes[c].Reply(new RoundUpdate(c, FederatedTask.FedAvg, round, Weights(c), 1.0, null));
            }
        }

        var done = ExpectMsg<FederationDone>();
        Assert.Equal([10, 7], done.Rounds.Select(r => r.Selected.Count));
        Assert.Equal([0, 2, 3, 5, 6, 8, 9], done.Rounds[1].Selected);
        Assert.Equal((0 + 2 + 3 + 5 + 6 + 8 + 9) / 7f, done.Final.Values[0][0], 5);
    }

    private static ModelWeights Weights(float value) => new(["w"], [[value]]);
}
