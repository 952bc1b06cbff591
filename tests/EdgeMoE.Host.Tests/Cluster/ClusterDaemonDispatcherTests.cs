using Akka.Actor;
using Akka.Cluster;
using EdgeMoE.Actors.Cluster;
using EdgeMoE.Host.Cluster;
using EdgeMoE.Host.Scenarios;
using EdgeMoE.Host.Settings;
using AkkaCluster = Akka.Cluster.Cluster;

namespace EdgeMoE.Host.Tests.Cluster;

/// <summary>
/// Akka.NET keeps the cluster's daemon (and its heartbeat replies) on the default dispatcher; an emulation's actors,
/// whose handlers train for seconds, must not hold those threads.
/// </summary>
public sealed class ClusterDaemonDispatcherTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_cluster_daemon_answers_while_every_emulation_thread_is_held()
    {
        var settings = SettingsLoader.Load(RepositoryFiles.Hocon("reference.conf"));
        using var credentials = ThrowAwayCredentials.Create();
        var system = ClusterNodeSystem.Start(ClusterRoles.Coordinator, "127.0.0.1", 0, settings.Actors.Akka, 1, ClusterSecurity.Credentials(credentials.Folder, "test"));
        using var gate = new ManualResetEventSlim();
        try
        {
            var cluster = AkkaCluster.Get(system);
            var up = new TaskCompletionSource();
            cluster.RegisterOnMemberUp(() => up.TrySetResult());
            cluster.Join(cluster.SelfAddress);
            await up.Task.WaitAsync(Patience);

            // The emulation dispatcher has one thread here: a handler waiting on the gate holds it.
            var holder = system.ActorOf(Props.Create(() => new HoldingActor(gate)), "holder");
            var held = holder.Ask<string>("hold", Patience);
            var queued = system.ActorOf(Props.Create(() => new HoldingActor(gate)), "queued").Ask<string>("dispatcher", Patience);

            var state = new TaskCompletionSource<ClusterEvent.CurrentClusterState>();
            cluster.SendCurrentClusterState(((ExtendedActorSystem)system).SystemActorOf(Props.Create(() => new StateReceiver(state))));
            var answer = await state.Task.WaitAsync(Patience);

            Assert.Contains(answer.Members, m => m.Address == cluster.SelfAddress && m.Status == MemberStatus.Up);
            Assert.False(queued.IsCompleted, "a second emulation actor ran while the only emulation thread was held");
            gate.Set();
            Assert.Equal("released", await held);
            Assert.Equal(EmulationActorSystem.DispatcherId, await queued);
        }
        finally
        {
            gate.Set();
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public async Task Every_actor_an_emulation_creates_runs_on_the_emulation_dispatcher_and_akkas_own_do_not()
    {
        var system = EmulationActorSystem.Create("dispatchers", Akka.Configuration.Config.Empty, 2);
        try
        {
            var parent = system.ActorOf(Props.Create(() => new ParentActor()), "parent");
            Assert.Equal(EmulationActorSystem.DispatcherId, await parent.Ask<string>("self", Patience));
            Assert.Equal(EmulationActorSystem.DispatcherId, await parent.Ask<string>("child", Patience));
            var own = ((ExtendedActorSystem)system).SystemActorOf(Props.Create(() => new ParentActor()), "own");
            Assert.Equal("akka.actor.default-dispatcher", await own.Ask<string>("self", Patience));
        }
        finally
        {
            await system.Terminate();
        }
    }

    private sealed class HoldingActor : ReceiveActor
    {
        public HoldingActor(ManualResetEventSlim gate)
        {
            // Blocks its thread on purpose, as a long training step does.
            Receive<string>(m => m == "hold", _ => Sender.Tell(gate.Wait(Patience) ? "released" : "timed out"));
            Receive<string>(m => m == "dispatcher", _ => Sender.Tell(Context.Dispatcher.Id));
        }
    }

    private sealed class ParentActor : ReceiveActor
    {
        public ParentActor()
        {
            Receive<string>(m => m == "self", _ => Sender.Tell(Context.Dispatcher.Id));
            Receive<string>(m => m == "child", _ => Context.ActorOf(Props.Create(() => new ParentActor())).Forward("self"));
        }
    }

    private sealed class StateReceiver : ReceiveActor
    {
        public StateReceiver(TaskCompletionSource<ClusterEvent.CurrentClusterState> state) =>
            Receive<ClusterEvent.CurrentClusterState>(s => state.TrySetResult(s));
    }
}
