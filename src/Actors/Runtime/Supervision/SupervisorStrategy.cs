namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// How a parent handles a failed child: a decider maps the exception to a <see cref="Directive"/>, restarts are
/// limited to <see cref="MaxNrOfRetries"/> inside <see cref="WithinTimeRange"/> (then the child is stopped), and
/// restarts may be delayed by exponential <see cref="Backoff"/>.
/// </summary>
public abstract class SupervisorStrategy
{
    private readonly Func<Exception, Directive> _decider;

    private protected SupervisorStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive>? decider, BackoffOptions? backoff)
    {
        if (withinTimeRange is { } window && window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(withinTimeRange), "The retry window must be positive.");
        }

        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        _decider = decider ?? DefaultDecider;
        Backoff = backoff;
    }

    /// <summary>One-for-one, restart on any exception except initialisation, kill and death-pact failures (stop).</summary>
    public static SupervisorStrategy Default { get; } = new OneForOneStrategy();

    /// <summary>One-for-one, stop on any exception.</summary>
    public static SupervisorStrategy Stopping { get; } = new OneForOneStrategy(decider: _ => Directive.Stop);

    /// <summary>Restarts allowed inside the window; negative means unlimited.</summary>
    public int MaxNrOfRetries { get; }

    /// <summary>The window restarts are counted in; <c>null</c> counts over the child's whole life.</summary>
    public TimeSpan? WithinTimeRange { get; }

    /// <summary>Exponential back-off between restarts; <c>null</c> restarts at once.</summary>
    public BackoffOptions? Backoff { get; }

    /// <summary>Akka's default decider.</summary>
    public static Directive DefaultDecider(Exception cause) => cause switch
    {
        ActorInitializationException or ActorKilledException or DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>The directive for <paramref name="cause"/>.</summary>
    public Directive Decide(Exception cause) => _decider(cause);

    /// <summary>Applies a Restart or Stop decision to the failed child and, for all-for-one, its siblings.</summary>
    internal abstract void Apply(ActorCell supervisor, ActorCell failed, Exception cause, bool restart);
}
