using Akka.Actor;
using EdgeMoE.Actors.Cluster;
using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Cluster;
using EdgeMoE.Host.Reports;
using EdgeMoE.Host.Scenarios;
using EdgeMoE.Host.Settings;
using EdgeMoE.Host.Tests.Run;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Host.Tests.Cluster;

/// <summary>A coordinator and two edge members, three actor systems on loopback in this process, over TLS.</summary>
[Collection(TorchThreadCount.Name)]
public sealed class InProcessClusterTests
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Three_actor_systems_on_loopback_run_five_slots_with_the_metrics_csv_of_one_process()
    {
        using var scenario = new TinyScenario("");
        var settings = SettingsLoader.Load(scenario.ScenarioFile);
        var plan = ScenarioPlan.From(settings, TokenImages.Load(settings.Run.Dataset, settings.Run.DataDir, settings.Run.Seed, TextWriter.Null))
            with { Schedule = new Actors.Edge.Clock.SlotSchedule(5, settings.StableMoe.SlotLength, settings.StableMoe.TestEvalInterval) };
        var policy = RoutingPolicyCatalog.Find("stable-moe")!;

        var alone = scenario.Output("one-process.csv");
        Record(alone, onSlot => StableMoeNetwork.Run(plan, policy, onSlot));

        using var credentials = ThrowAwayCredentials.Create();
        var clusterCredentials = ClusterSecurity.Credentials(credentials.Folder, "test");
        ActorSystem Member(string role) => ClusterNodeSystem.Start(role, "127.0.0.1", 0, settings.Actors.Akka, 2, clusterCredentials);
        var coordinator = Member(ClusterRoles.Coordinator);
        var edges = new[] { Member(ClusterRoles.Edge), Member(ClusterRoles.Edge) };
        try
        {
            var seed = Akka.Cluster.Cluster.Get(coordinator).SelfAddress;
            foreach (var edge in edges)
            {
                Akka.Cluster.Cluster.Get(edge).JoinSeedNodes([seed]);
            }

            using var session = CoordinatorSession.Join(coordinator, [], minEdgeNodes: 2, JoinTimeout, TextWriter.Null);
            Assert.Equal(2, session.Placement.Members.Count);
            var placedOn = new List<string>();
            var clustered = scenario.Output("three-systems.csv");
            Record(clustered, onSlot => StableMoeNetwork.Run(plan, policy, slot =>
            {
                if (slot.Slot == 0)
                {
                    placedOn.AddRange(Enumerable.Range(0, plan.Servers.Count).Select(j => Host(coordinator, j)));
                }

                onSlot(slot);
            }, EmulationSite.OnCluster(session)));

            Assert.Equal(File.ReadAllBytes(alone), File.ReadAllBytes(clustered));
            // Server j lives on edge member j mod 2 (members ordered by address), not in the coordinator.
            var ordered = edges.OrderBy(e => Akka.Cluster.Cluster.Get(e).SelfAddress, Akka.Cluster.Member.AddressOrdering).ToArray();
            Assert.Equal(
                Enumerable.Range(0, plan.Servers.Count).Select(j => Akka.Cluster.Cluster.Get(ordered[j % 2]).SelfAddress.ToString()),
                placedOn);
        }
        finally
        {
            await Task.WhenAll(edges.Append(coordinator).Select(s => s.Terminate())).WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public async Task A_second_coordinator_cannot_drive_a_cluster_that_has_one()
    {
        var settings = SettingsLoader.Load(RepositoryFiles.Hocon("reference.conf"));
        using var credentials = ThrowAwayCredentials.Create();
        var clusterCredentials = ClusterSecurity.Credentials(credentials.Folder, "test");
        ActorSystem Member(string role) => ClusterNodeSystem.Start(role, "127.0.0.1", 0, settings.Actors.Akka, 1, clusterCredentials);
        var first = Member(ClusterRoles.Coordinator);
        var edge = Member(ClusterRoles.Edge);
        var second = Member(ClusterRoles.Coordinator);
        try
        {
            var seed = Akka.Cluster.Cluster.Get(first).SelfAddress;
            Akka.Cluster.Cluster.Get(edge).JoinSeedNodes([seed]);
            using var driving = CoordinatorSession.Join(first, [], minEdgeNodes: 1, JoinTimeout, TextWriter.Null);
            var refused = Assert.Throws<BadInputException>(() => CoordinatorSession.Join(second, [seed], minEdgeNodes: 1, JoinTimeout, TextWriter.Null));
            Assert.Equal($"another coordinator (127.0.0.1:{seed.Port}) already drives this cluster: one run at a time per cluster", refused.Message);
            // The first coordinator keeps the singleton that hosts runs.
            var identity = await driving.RunHost.Ask<ActorIdentity>(new Identify(1), TimeSpan.FromSeconds(10));
            Assert.Equal("/user/coordinator/singleton", identity.Subject!.Path.ToStringWithoutAddress());
        }
        finally
        {
            await Task.WhenAll(new[] { first, edge, second }.Select(s => s.Terminate())).WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    private static void Record(string path, Action<Action<SlotMetrics>> run)
    {
        using var csv = new MetricsCsv(path);
        long cumulative = 0;
        run(slot =>
        {
            cumulative += slot.Router.Processed;
            csv.Append("stable-moe", slot, cumulative);
        });
    }

    /// <summary>The address of the member server <paramref name="j"/> lives on, as the coordinator's reference to it says.</summary>
    private static string Host(ActorSystem coordinator, int j) =>
        coordinator.ActorSelection($"/user/coordinator/singleton/run-stable-moe/server-{j}").ResolveOne(TimeSpan.FromSeconds(5))
            .GetAwaiter().GetResult().Path.Address.ToString();
}
