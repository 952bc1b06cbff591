namespace EdgeMoE.Actors.Runtime;

/// <summary>Death watch: a watcher gets <see cref="Terminated"/> exactly once per watched actor, even if it was already dead.</summary>
internal sealed partial class ActorCell
{
    public IActorRef Watch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Equals(_self))
        {
            return actor;
        }

        if ((Extras.Watching ??= []).Add(actor))
        {
            ((ActorRefBase)actor).SendSystem(new Watch((ActorRefBase)actor, _self));
        }

        return actor;
    }

    public void Unwatch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (_extras?.TerminatedQueued is { } queued && queued.ContainsKey(actor))
        {
            queued[actor] = false;
        }

        if (_extras?.Watching?.Remove(actor) == true)
        {
            ((ActorRefBase)actor).SendSystem(new Unwatch((ActorRefBase)actor, _self));
        }
    }

    private void AddWatcher(ActorRefBase watcher)
    {
        if (!watcher.Equals(_self))
        {
            (Extras.WatchedBy ??= []).Add(watcher);
        }
    }

    private void HandleDeathNotification(ActorRefBase actor, bool existenceConfirmed)
    {
        var isChild = actor is LocalActorRef { Cell: var cell } && ReferenceEquals(cell._parent, this);

        // Removing from the watch set first is what makes Terminated exactly-once.
        if (_extras?.Watching?.Remove(actor) == true && _state is CellState.Running or CellState.Restarting)
        {
            (_extras.TerminatedQueued ??= [])[actor] = true;
            _self.Send(new Envelope(new Terminated(actor, existenceConfirmed), actor));
        }

        if (isChild)
        {
            ChildTerminated(((LocalActorRef)actor).Cell);
        }
    }

    /// <summary>As in Akka, a queued <see cref="Terminated"/> is dropped when its actor was unwatched meanwhile; others pass.</summary>
    private bool ExpectsTerminated(Terminated terminated) =>
        _extras?.TerminatedQueued is not { } queued || !queued.Remove(terminated.ActorRef, out var wanted) || wanted;

    private void UnwatchAll()
    {
        if (_extras?.Watching is not { } watching)
        {
            return;
        }

        foreach (var actor in watching)
        {
            ((ActorRefBase)actor).SendSystem(new Unwatch((ActorRefBase)actor, _self));
        }

        watching.Clear();
    }
}
