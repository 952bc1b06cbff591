using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using Akka.Event;
using EdgeMoE.Actors.Cluster;
using EdgeMoE.Host.Cluster;
using EdgeMoE.Host.Logging;
using EdgeMoE.Host.Settings;
using Xunit.Abstractions;

namespace EdgeMoE.Host.Tests.Cluster;

/// <summary>What the coordinator says, and how fast the cluster reacts, when an edge member vanishes without leaving.</summary>
public sealed class LostNodeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_vanished_edge_node_gives_one_warning_naming_it_and_is_removed()
    {
        var settings = SettingsLoader.Load(ReferenceConfigFile());
        using var credentials = ThrowAwayCredentials.Create();
        var clusterCredentials = ClusterSecurity.Credentials(credentials.Folder, "test");
        ActorSystem Member(string role, string extra = "") =>
            ClusterNodeSystem.Start(role, "127.0.0.1", 0, ConfigurationFactory.ParseString(extra).WithFallback(settings.Actors.Akka), 1, clusterCredentials);
        var coordinator = Member(ClusterRoles.Coordinator);
        // The second edge member vanishes: its system stops without leaving the cluster, as a killed process would.
        var edges = new[] { Member(ClusterRoles.Edge), Member(ClusterRoles.Edge, "akka.coordinated-shutdown.run-by-actor-system-terminate = off") };
        var events = new List<LogEvent>();
        var watcher = coordinator.ActorOf(Props.Create(() => new LogCollector(events)));
        coordinator.EventStream.Subscribe(watcher, typeof(LogEvent));
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
            var removed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var cluster = Akka.Cluster.Cluster.Get(coordinator);
            var clock = Stopwatch.StartNew();
            await edges[1].Terminate();
            TimeSpan? warningAt = null;
            while (clock.Elapsed < TimeSpan.FromSeconds(20) && cluster.State.Members.Any(m => m.Address.Equals(lost)))
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
            Assert.True(removal < TimeSpan.FromSeconds(20), "the vanished member was never removed");
            // What StderrLogger prints at WARNING and above.
            var loud = seen.Where(e => e is Warning or Error && !RedundantClusterWarnings.Covers(e)).ToArray();
            Assert.True(loud.Length == 1, "expected one warning, got:\n" + string.Join("\n", loud.Select(e => $"{e.LogLevel()} {e.LogSource}: {e.Message}")));
            var warning = loud[0];
            Assert.Equal($"edge node {lost} is unreachable (during stable-moe at slot 12)", warning.Message.ToString());
            Assert.DoesNotContain(seen, e => e is Error);
        }
        finally
        {
            await Task.WhenAll(edges.Append(coordinator).Select(s => s.Terminate())).WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    private static string ReferenceConfigFile() => RepositoryFiles.Hocon("reference.conf");

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
