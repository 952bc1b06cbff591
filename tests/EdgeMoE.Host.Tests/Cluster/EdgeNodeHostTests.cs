using Akka.Actor;
using EdgeMoE.Actors.Cluster;
using EdgeMoE.Actors.Cluster.Membership;
using EdgeMoE.Host.Cluster;
using EdgeMoE.Host.Settings;

namespace EdgeMoE.Host.Tests.Cluster;

/// <summary>How <c>edgemoe node</c> serves: a crash is followed by a fresh member, whenever it comes.</summary>
public sealed class EdgeNodeHostTests
{
    [Fact]
    public async Task A_node_that_crashes_before_it_saw_itself_up_joins_again_instead_of_giving_up()
    {
        var settings = SettingsLoader.Load(RepositoryFiles.Hocon("reference.conf"));
        using var credentials = ThrowAwayCredentials.Create();
        var clusterCredentials = ClusterSecurity.Credentials(credentials.Folder, "test");
        // A seed that never answers: the first system is still joining when it crashes.
        var silentSeed = SeedNodes.Of("127.0.0.1", 9);
        var systems = new List<ActorSystem>();
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var log = new StringWriter();
        ActorSystem Start()
        {
            var system = ClusterNodeSystem.Start(ClusterRoles.Edge, "127.0.0.1", 0, settings.Actors.Akka, 1, clusterCredentials);
            lock (systems)
            {
                systems.Add(system);
                if (systems.Count == 1)
                {
                    _ = Task.Delay(500).ContinueWith(_ => AbruptStop.Crash(system), TaskScheduler.Default);
                }
                else
                {
                    secondStarted.TrySetResult();
                }
            }

            return system;
        }

        var serving = Task.Run(() => EdgeNodeHost.Serve(Start, [silentSeed], TimeSpan.FromSeconds(60), exitAfterRun: false, TextWriter.Synchronized(log), stop.Token));
        try
        {
            await secondStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Contains("before it saw itself up; joining again as a new member", log.ToString());
        }
        finally
        {
            stop.Cancel();
            await serving.WaitAsync(TimeSpan.FromSeconds(30));
            ActorSystem[] started;
            lock (systems)
            {
                started = [.. systems];
            }

            await Task.WhenAll(started.Select(s => s.Terminate())).WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
