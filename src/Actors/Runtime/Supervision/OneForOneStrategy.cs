namespace EdgeMoE.Actors.Runtime;

/// <summary>Applies the directive to the failed child only.</summary>
/// <param name="maxNrOfRetries">Restarts allowed inside the window; -1 unlimited.</param>
/// <param name="withinTimeRange">Window for counting restarts; <c>null</c> for the child's whole life.</param>
/// <param name="decider">Exception → directive; <c>null</c> uses <see cref="SupervisorStrategy.DefaultDecider"/>.</param>
/// <param name="backoff">Optional exponential back-off between restarts.</param>
public sealed class OneForOneStrategy(
    int maxNrOfRetries = -1,
    TimeSpan? withinTimeRange = null,
    Func<Exception, Directive>? decider = null,
    BackoffOptions? backoff = null)
    : SupervisorStrategy(maxNrOfRetries, withinTimeRange, decider, backoff)
{
    internal override void Apply(ActorCell supervisor, ActorCell failed, Exception cause, bool restart)
    {
        if (restart && failed.RestartStatistics.RequestPermission(MaxNrOfRetries, WithinTimeRange, supervisor.Now))
        {
            supervisor.RestartChild(failed, cause, Backoff);
        }
        else
        {
            supervisor.StopChild(failed);
        }
    }
}
