using Microsoft.Extensions.Logging;

namespace EdgeMoE.Actors.Runtime;

/// <summary>Lifecycle: create, suspend/resume, restart (after the old children stopped), stop (children first, then PostStop).</summary>
internal sealed partial class ActorCell
{
    private void HandleSystem(SystemMessage message)
    {
        switch (message)
        {
            case Create:
                CreateActor();
                break;
            case Terminate:
                BeginTerminate();
                break;
            case Recreate recreate:
                BeginRecreate(recreate.Cause);
                break;
            case Suspend:
                SuspendSelf();
                break;
            case Resume:
                ResumeSelf();
                break;
            case Failed failed:
                HandleChildFailure(failed.Child, failed.Cause);
                break;
            case Watch watch:
                AddWatcher(watch.Watcher);
                break;
            case Unwatch unwatch:
                _extras?.WatchedBy?.Remove(unwatch.Watcher);
                break;
            case DeathWatchNotification notification:
                HandleDeathNotification(notification.Actor, notification.ExistenceConfirmed);
                break;
        }
    }

    // After termination only a watch needs an answer: the watcher learns at once that this actor is gone, unconfirmed
    // (as in Akka) because it never registered the watch.
    private void HandleWhenDead(SystemMessage message)
    {
        if (message is Watch watch && !watch.Watcher.Equals(_self))
        {
            watch.Watcher.SendSystem(new DeathWatchNotification(_self, existenceConfirmed: false));
        }
    }

    private void CreateActor()
    {
        if (_actor is not null || _state != CellState.Running)
        {
            return;
        }

        try
        {
            _actor = NewActor();
            _actor.InvokePreStart();
        }
        catch (Exception cause)
        {
            HandleInvokeFailure(new ActorInitializationException(_self, $"{Path} failed to start: {cause.Message}", cause));
        }
    }

    private void SuspendSelf()
    {
        _suspendCount++;
        SendToChildren(static () => new Suspend());
    }

    private void ResumeSelf()
    {
        if (_suspendCount > 0 && --_suspendCount == 0)
        {
            SendToChildren(static () => new Resume());
        }
    }

    private void BeginRecreate(Exception cause)
    {
        if (_state is CellState.Terminating or CellState.Terminated)
        {
            return;
        }

        if (_actor is { } failed)
        {
            try
            {
                failed.InvokePreRestart(cause, _currentEnvelope.Message);
            }
            catch (Exception error)
            {
                Log.LogError(error, "PreRestart of {Actor} threw", Path);
            }
        }

        _actor = null;
        Unstash(all: true);
        _currentEnvelope = default;
        if (_extras?.Dying is { Count: > 0 })
        {
            _state = CellState.Restarting;
            Extras.PendingRestartCause = cause;
            return;
        }

        FinishRecreate(cause);
    }

    private void FinishRecreate(Exception cause)
    {
        _state = CellState.Running;
        _incarnation++;
        _suspendCount = 0;
        if (_extras is { } extras)
        {
            extras.Random = null;
            extras.PendingRestartCause = null;
        }

        try
        {
            _actor = NewActor();
            _actor.InvokePostRestart(cause);
        }
        catch (Exception error)
        {
            _actor = null;
            HandleInvokeFailure(new ActorInitializationException(_self, $"{Path} failed to restart: {error.Message}", error));
            return;
        }

        SendToChildren(static () => new Resume());
    }

    private void BeginTerminate()
    {
        if (_state is CellState.Terminating or CellState.Terminated)
        {
            return;
        }

        _state = CellState.Terminating;
        UnwatchAll();
        var children = ChildCells();
        if (children.Count == 0)
        {
            FinishTerminate();
            return;
        }

        foreach (var child in children)
        {
            StopChild(child);
        }
    }

    private void FinishTerminate()
    {
        try
        {
            _actor?.InvokePostStop();
        }
        catch (Exception error)
        {
            Log.LogError(error, "PostStop of {Actor} threw", Path);
        }

        _state = CellState.Terminated;
        var pending = Interlocked.Exchange(ref _systemHead, Closed);
        while (pending is not null)
        {
            HandleWhenDead(pending);
            pending = pending.Next;
        }

        DrainUserMessages();
        if (_extras?.WatchedBy is { } watchers)
        {
            foreach (var watcher in watchers)
            {
                watcher.SendSystem(new DeathWatchNotification(_self, existenceConfirmed: true));
            }

            watchers.Clear();
        }

        if (_parent is not null)
        {
            _parent._self.SendSystem(new DeathWatchNotification(_self, existenceConfirmed: true));
        }
        else
        {
            _system.OnRootTerminated();
        }

        _extras?.Thread?.Stop();
        _actor = null;
    }
}
