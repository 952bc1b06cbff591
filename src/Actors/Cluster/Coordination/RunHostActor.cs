using Akka.Actor;

namespace EdgeMoE.Actors.Cluster.Coordination;

/// <summary>
/// The coordinator's cluster singleton: the parent of every policy run the coordinator drives. Akka's
/// ClusterSingletonManager starts it on the oldest coordinator member only, so two coordinators cannot drive one
/// cluster: the second never gets a host for its runs.
/// </summary>
public sealed class RunHostActor : ReceiveActor
{
    /// <summary>Starts the run's parent actor as a child; answers <see cref="RunHosted"/>.</summary>
    /// <remarks>Sent within the coordinator's process only (the Props hold local callbacks).</remarks>
    public sealed record HostRun(string Name, Props Props);

    /// <summary>The run's parent actor, started.</summary>
    public sealed record RunHosted(IActorRef Run);

    /// <summary>Hosts runs until stopped; a failing run parent is stopped (it reports its own failure).</summary>
    /// <param name="started">Completed with this actor once it runs, so the coordinator waits for its host instead of looking for it.</param>
    public RunHostActor(TaskCompletionSource<IActorRef> started)
    {
        started.TrySetResult(Self);
        Receive<HostRun>(h => Sender.Tell(new RunHosted(Context.ActorOf(h.Props, h.Name))));
    }

    /// <summary>Props of the singleton.</summary>
    public static Props Props(TaskCompletionSource<IActorRef> started) => Akka.Actor.Props.Create(() => new RunHostActor(started));

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop, loggingEnabled: false);
}
