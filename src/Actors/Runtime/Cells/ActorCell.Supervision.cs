using Microsoft.Extensions.Logging;

namespace EdgeMoE.Actors.Runtime;

/// <summary>Failure handling: a failing actor suspends itself and its children and asks its parent, whose strategy decides.</summary>
internal sealed partial class ActorCell
{
    private RestartStatistics? _restartStatistics;

    /// <summary>Restart counts of this actor; touched only by its parent's turns.</summary>
    internal RestartStatistics RestartStatistics => _restartStatistics ??= new RestartStatistics();

    internal void RestartChild(ActorCell child, Exception cause, BackoffOptions? backoff)
    {
        if (backoff is null)
        {
            child._self.SendSystem(new Recreate(cause));
            return;
        }

        var delay = backoff.DelayFor(child.RestartStatistics.Count, Random);
        _system.Timers.ScheduleSystem(delay, child._self, new Recreate(cause));
    }

    private void HandleInvokeFailure(Exception cause)
    {
        if (_state is CellState.Terminating or CellState.Terminated)
        {
            Log.LogError(cause, "{Actor} failed while stopping", Path);
            return;
        }

        _suspendCount++;
        SendToChildren(static () => new Suspend());
        if (_parent is null)
        {
            Log.LogCritical(cause, "The root guardian failed");
            return;
        }

        _parent._self.SendSystem(new Failed(this, cause));
    }

    private void HandleChildFailure(ActorCell child, Exception cause)
    {
        if (_state is CellState.Terminating or CellState.Terminated || child.IsTerminated || !IsChild(child))
        {
            return;
        }

        var strategy = _actor?.SupervisorStrategy() ?? _props.SupervisorStrategy ?? SupervisorStrategy.Default;
        Directive directive;
        try
        {
            directive = strategy.Decide(cause);
        }
        catch (Exception error)
        {
            directive = Directive.Escalate;
            cause = error;
        }

        // Guardians have no one to escalate to: the failing top-level actor is stopped, the system lives on.
        if (directive == Directive.Escalate && _system.IsGuardian(this))
        {
            directive = Directive.Stop;
        }

        LogChildFailure(child, cause, directive);
        switch (directive)
        {
            case Directive.Resume when cause is not ActorInitializationException:
                child._self.SendSystem(new Resume());
                break;
            case Directive.Resume or Directive.Restart:
                strategy.Apply(this, child, cause, restart: true);
                break;
            case Directive.Stop:
                strategy.Apply(this, child, cause, restart: false);
                break;
            case Directive.Escalate:
                HandleInvokeFailure(cause);
                break;
        }
    }

    private void LogChildFailure(ActorCell child, Exception cause, Directive directive)
    {
        var logger = _system.CreateLogger(child._props.ActorType, child.Path);
        if (directive == Directive.Resume)
        {
            logger.LogWarning(cause, "{Actor} failed and resumes: {Reason}", child.Path, cause.Message);
        }
        else
        {
            logger.LogError(cause, "{Actor} failed, supervisor decides {Directive}: {Reason}", child.Path, directive, cause.Message);
        }
    }
}
