namespace EdgeMoE.Actors.Runtime;

/// <summary>Where an actor's turns run in real time. In virtual time every actor runs on the superstep workers.</summary>
public enum DispatcherKind
{
    /// <summary>The system's worker threads (<see cref="ActorSystemSettings.Parallelism"/>); a turn processes up to <c>Throughput</c> messages.</summary>
    ThreadPool,

    /// <summary>A thread of the actor's own, for long-running compute that must not starve the pool.</summary>
    DedicatedThread,
}
