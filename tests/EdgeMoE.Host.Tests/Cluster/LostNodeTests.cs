using EdgeMoE.Actors.Edge.Messages;
using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using Akka.Event;
using EdgeMoE.Actors.Cluster;
using EdgeMoE.Actors.Cluster.Membership;
using EdgeMoE.Host.Cluster;
using EdgeMoE.Host.Logging;
using EdgeMoE.Actors.Edge.Clock;
using EdgeMoE.Host.Scenarios;
using EdgeMoE.Host.Settings;
using EdgeMoE.Host.Tests.Run;
using EdgeMoE.Policies.Routing;
using Xunit.Abstractions;

namespace EdgeMoE.Host.Tests.Cluster;

/// <summary>What the coordinator says, and how fast the cluster reacts, when an edge member vanishes without leaving.</summary>
[Collection(LocalClusterProcesses.Name)]
public sealed class LostNodeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_vanished_edge_node_gives_one_warning_naming_it_and_is_removed()
    {
        var settings = SettingsLoader.Load(ReferenceConfigFile());
        using var credentials = ThrowAwayCredentials.Create();
        var clusterCredentials = ClusterSecurity.Credentials(credentials.Folder, "test");
        // At INFO the failure message shows every membership change each side made.
        ActorSystem Member(string role, string extra = "") =>
            ClusterNodeSystem.Start(role, "127.0.0.1", 0, ConfigurationFactory.ParseString(extra + "\nakka.loglevel = INFO").WithFallback(settings.Actors.Akka), 1, clusterCredentials);
        var coordinator = Member(ClusterRoles.Coordinator);
        // The second edge member vanishes: its system stops without leaving the cluster, as a killed process would.
        var edges = new[] { Member(ClusterRoles.Edge), Member(ClusterRoles.Edge, "akka.coordinated-shutdown.run-by-actor-system-terminate = off") };
        var events = Collected(coordinator);
        // What the staying edge member says, for the failure message: it once left the cluster on its own.
        var stayingEvents = Collected(edges[0]);
        try
        {
            var seed = Akka.Cluster.Cluster.Get(coordinator).SelfAddress;
            foreach (var edge in edges)
            {
                Akka.Cluster.Cluster.Get(edge).JoinSeedNodes([seed]);
            }

            using var session = CoordinatorSession.Join(coordinator, [], minEdgeNodes: 2, TimeSpan.FromSeconds(60), TextWriter.Null);
            session.SlotFinished("stable-moe", 11);
            var lost = Akka.Cluster.Cluster.Get(edges[1]).SelfAddress;
            // A member of a formed cluster vanishes: every member already hears every other's heartbeats. A crash while a
            // member is still connecting to it fails that connection's TLS handshake, which Akka.NET 1.5.73 answers by
            // shutting the connecting member down (see AbruptStop): a different story from the one told here.
            await AllHearEachOther([coordinator, .. edges], TimeSpan.FromSeconds(30));
            var removed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var cluster = Akka.Cluster.Cluster.Get(coordinator);
            var clock = Stopwatch.StartNew();
            await AbruptStop.Crash(edges[1]);
            TimeSpan? warningAt = null;
            // A generous bound: on a loaded 2-core machine delayed heartbeats keep the resolver waiting for stability.
            var patience = TimeSpan.FromSeconds(45);
            while (clock.Elapsed < patience && cluster.State.Members.Any(m => m.Address.Equals(lost)))
            {
                warningAt ??= cluster.State.Unreachable.Any(m => m.Address.Equals(lost)) ? clock.Elapsed : null;
                await Task.Delay(50);
            }

            var removal = clock.Elapsed;
            await Task.Delay(1000);
            LogEvent[] seen;
            lock (events)
            {
                seen = [.. events];
            }

            // Timing is the benchmark's business (never asserted here); shown for the record.
            output.WriteLine($"unreachable after {(warningAt ?? TimeSpan.Zero).TotalSeconds:0.0} s, removed after {removal.TotalSeconds:0.0} s");
            Assert.True(removal < patience, "the vanished member was never removed; the coordinator saw:\n" + Described(seen) + $"\nits own status: {cluster.SelfMember.Status}"
                + "\nthe staying edge member saw:\n" + Described(Snapshot(stayingEvents)) + $"\nits own status: {Akka.Cluster.Cluster.Get(edges[0]).SelfMember.Status}");
            // What StderrLogger prints at WARNING and above.
            // Akka's overload signals (a late heartbeat) are kept on purpose and say nothing about the lost node: when the
            // machine is busy they come whether a node is lost or not, so they are not counted here.
            var loud = seen.Where(e => e is Warning or Error && !RedundantClusterWarnings.Covers(e) && !Starvation(e)).ToArray();
            Assert.True(loud.Length == 1, "expected one warning, got:\n" + Described(loud));
            var warning = loud[0];
            Assert.Equal($"edge node {lost} is unreachable (during stable-moe at slot 12)", warning.Message.ToString());
        }
        finally
        {
            await Task.WhenAll(edges.Append(coordinator).Select(s => s.Terminate())).WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public async Task A_run_whose_edge_node_vanishes_goes_on_without_its_servers_and_loses_no_token()
    {
        using var scenario = new TinyScenario("");
        var (settings, plan) = PlanOf(scenario, 12);
        using var credentials = ThrowAwayCredentials.Create();
        var clusterCredentials = ClusterSecurity.Credentials(credentials.Folder, "test");
        ActorSystem Member(string role, string extra = "") =>
            ClusterNodeSystem.Start(role, "127.0.0.1", 0, ConfigurationFactory.ParseString(extra).WithFallback(settings.Actors.Akka), 1, clusterCredentials);
        var coordinator = Member(ClusterRoles.Coordinator);
        var vanishing = Member(ClusterRoles.Edge, "akka.coordinated-shutdown.run-by-actor-system-terminate = off");
        try
        {
            var seed = Akka.Cluster.Cluster.Get(coordinator).SelfAddress;
            Akka.Cluster.Cluster.Get(vanishing).JoinSeedNodes([seed]);
            using var session = CoordinatorSession.Join(coordinator, [], minEdgeNodes: 1, TimeSpan.FromSeconds(60), TextWriter.Null);
            var node = Akka.Cluster.Cluster.Get(vanishing).SelfAddress;
            var slots = new List<SlotMetrics>();
            StableMoeNetwork.Run(plan, RoutingPolicyCatalog.Find("top-k")!, slot =>
            {
                slots.Add(slot);
                if (slot.Slot == 3)
                {
                    _ = AbruptStop.Crash(vanishing);
                }
            }, EmulationSite.OnCluster(session));

            // Every server lived on the vanished node: from its loss on, nothing is computed, and nothing is lost.
            Assert.Equal(12, slots.Count);
            var found = slots.Where(s => s.Lost is not null).ToArray();
            Assert.NotEmpty(found);
            Assert.All(found.SelectMany(s => s.Lost!), l => Assert.Equal($"node 127.0.0.1:{node.Port}", l.Where));
            Assert.Equal(settings.StableMoe.Servers, found.SelectMany(s => s.Lost!).SelectMany(l => l.Servers).Distinct().Count());
            Assert.All(slots[^1].Servers, s => Assert.False(s.Available));
            var ledger = slots[^1].Ledger!;
            Assert.Equal(0, ledger.Lost);
            Assert.True(ledger.InFlight > 0, "the tokens that arrived after the loss wait for a server");
            Assert.Equal(ledger.Arrivals, ledger.Completed + ledger.Queued + ledger.InFlight + ledger.Lost);
        }
        finally
        {
            await Task.WhenAll(new[] { coordinator, vanishing }.Select(s => s.Terminate())).WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public async Task A_run_whose_coordinator_is_downed_fails_at_once_saying_so()
    {
        using var scenario = new TinyScenario("");
        var (settings, plan) = PlanOf(scenario, 40);
        using var credentials = ThrowAwayCredentials.Create();
        var clusterCredentials = ClusterSecurity.Credentials(credentials.Folder, "test");
        var coordinator = ClusterNodeSystem.Start(ClusterRoles.Coordinator, "127.0.0.1", 0, settings.Actors.Akka, 1, clusterCredentials);
        var edge = ClusterNodeSystem.Start(ClusterRoles.Edge, "127.0.0.1", 0, settings.Actors.Akka, 1, clusterCredentials);
        try
        {
            Akka.Cluster.Cluster.Get(edge).JoinSeedNodes([Akka.Cluster.Cluster.Get(coordinator).SelfAddress]);
            using var session = CoordinatorSession.Join(coordinator, [], minEdgeNodes: 1, TimeSpan.FromSeconds(60), TextWriter.Null);
            var slots = 0;
            // What the split-brain resolver does to a coordinator on the minority side: it downs it.
            var failure = Assert.Throws<RunStoppedException>(() => StableMoeNetwork.Run(plan, RoutingPolicyCatalog.Find("top-k")!, slot =>
            {
                if (++slots == 3)
                {
                    var cluster = Akka.Cluster.Cluster.Get(coordinator);
                    cluster.Down(cluster.SelfAddress);
                }
            }, EmulationSite.OnCluster(session)));

            Assert.StartsWith("policy top-k: the coordinator is no longer a cluster member: the split-brain resolver downed it", failure.Message);
            Assert.True(slots < 40, $"the run went on to slot {slots}");
        }
        finally
        {
            await Task.WhenAll(new[] { coordinator, edge }.Select(s => s.Terminate())).WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    private static async Task AllHearEachOther(ActorSystem[] members, TimeSpan patience)
    {
        var clusters = members.Select(m => Akka.Cluster.Cluster.Get(m)).ToArray();
        bool Heard() => clusters.All(c => clusters.All(o => o == c || c.FailureDetector.IsMonitoring(o.SelfAddress)));
        var clock = Stopwatch.StartNew();
        while (!Heard())
        {
            Assert.True(clock.Elapsed < patience, $"the members did not all hear each other's heartbeats within {patience}");
            await Task.Delay(50);
        }
    }

    /// <summary>The tiny scenario's settings and its plan over <paramref name="slots"/> slots.</summary>
    private static (EdgeMoeSettings Settings, ScenarioPlan Plan) PlanOf(TinyScenario scenario, int slots)
    {
        var settings = SettingsLoader.Load(scenario.ScenarioFile);
        var plan = ScenarioPlan.From(settings, TokenImages.Load(settings.Run.Dataset, settings.Run.DataDir, settings.Run.Seed, TextWriter.Null))
            with { Schedule = new SlotSchedule(slots, settings.StableMoe.SlotLength, 1_000_000) };
        return (settings, plan);
    }

    private static List<LogEvent> Collected(ActorSystem system)
    {
        var events = new List<LogEvent>();
        var watcher = system.ActorOf(Props.Create(() => new LogCollector(events)));
        system.EventStream.Subscribe(watcher, typeof(LogEvent));
        return events;
    }

    private static LogEvent[] Snapshot(List<LogEvent> events)
    {
        lock (events)
        {
            return [.. events];
        }
    }

    private static string Described(IEnumerable<LogEvent> events) =>
        string.Join("\n", events.Select(e => $"{e.LogLevel()} {e.LogSource}: {e.Message}"));

    private static string ReferenceConfigFile() => RepositoryFiles.Hocon("reference.conf");

    private static bool Starvation(LogEvent e) =>
        e.Message?.ToString() is { } text
        && (text.Contains("Scheduled sending of heartbeat was delayed", StringComparison.Ordinal)
            || text.Contains("heartbeat interval is growing too large", StringComparison.Ordinal));

    private sealed class LogCollector : ReceiveActor
    {
        public LogCollector(List<LogEvent> events) => Receive<LogEvent>(e =>
        {
            lock (events)
            {
                events.Add(e);
            }
        });
    }
}
