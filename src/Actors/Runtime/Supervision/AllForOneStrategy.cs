namespace EdgeMoE.Actors.Runtime;

/// <summary>Applies Restart and Stop to all children of the supervisor (Resume only to the failed one).</summary>
/// <param name="maxNrOfRetries">Restarts allowed inside the window (each child counted); -1 unlimited.</param>
/// <param name="withinTimeRange">Window for counting restarts; <c>null</c> for the children's whole life.</param>
/// <param name="decider">Exception → directive; <c>null</c> uses <see cref="SupervisorStrategy.DefaultDecider"/>.</param>
/// <param name="backoff">Optional exponential back-off between restarts.</param>
public sealed class AllForOneStrategy(
    int maxNrOfRetries = -1,
    TimeSpan? withinTimeRange = null,
    Func<Exception, Directive>? decider = null,
    BackoffOptions? backoff = null)
    : SupervisorStrategy(maxNrOfRetries, withinTimeRange, decider, backoff)
{
    internal override void Apply(ActorCell supervisor, ActorCell failed, Exception cause, bool restart)
    {
        var children = supervisor.ChildCells();
        var permitted = restart;
        foreach (var child in children)
        {
            permitted &= child.RestartStatistics.RequestPermission(MaxNrOfRetries, WithinTimeRange, supervisor.Now);
        }

        foreach (var child in children)
        {
            if (permitted)
            {
                // Siblings are running: suspend them first so they restart from a quiet state, as Akka does.
                if (!ReferenceEquals(child, failed))
                {
                    child.SelfRef.SendSystem(new Suspend());
                }

                supervisor.RestartChild(child, cause, Backoff);
            }
            else
            {
                supervisor.StopChild(child);
            }
        }
    }
}
