namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// Children: unique names among siblings. As in Akka, a stopped child keeps its name reserved until this actor has
/// processed its termination; a child created afterwards under that name is a new incarnation with a new uid.
/// </summary>
internal sealed partial class ActorCell
{
    public IReadOnlyList<IActorRef> Children
    {
        get
        {
            if (_extras?.Children is not { } children)
            {
                return [];
            }

            lock (children)
            {
                return [.. children.Values.Select(c => (IActorRef)c._self)];
            }
        }
    }

    private bool HasChildren
    {
        get
        {
            if (_extras?.Children is not { } children)
            {
                return false;
            }

            lock (children)
            {
                return children.Count > 0;
            }
        }
    }

    public IActorRef ActorOf(Props props, string? name = null) => SpawnChild(props, name).SelfRef;

    public IActorRef? Child(string name) => ChildCell(name)?._self;

    /// <summary>The child holding <paramref name="name"/> (living, or stopped and not yet processed), or <c>null</c>.</summary>
    internal ActorCell? ChildCell(string name)
    {
        if (_extras?.Children is not { } children)
        {
            return null;
        }

        lock (children)
        {
            return children.GetValueOrDefault(name);
        }
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Equals(_self))
        {
            // Straight into our own system queue: it overtakes the rest of the mailbox even in virtual time.
            EnqueueSystem(new Terminate());
        }
        else if (actor is LocalActorRef { Cell: var cell } && IsChild(cell))
        {
            StopChild(cell);
        }
        else
        {
            ((ActorRefBase)actor).SendSystem(new Terminate());
        }
    }

    /// <summary>Prepares the children table up front: guardians get children from outside threads.</summary>
    internal void PrepareForChildren() => Extras.Children ??= [];

    internal ActorCell SpawnChild(Props props, string? name)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is not null && (name.Length == 0 || name[0] == '$'))
        {
            throw new InvalidActorNameException($"Actor name '{name}' is invalid: names must be non-empty and must not start with '$'.");
        }

        if (_state is CellState.Terminating or CellState.Terminated)
        {
            throw new InvalidOperationException($"{Path} is stopping and cannot create children.");
        }

        var extras = Extras;
        var children = extras.Children ??= [];
        ActorCell child;
        lock (children)
        {
            name ??= ActorNames.Automatic(extras.NextChildNumber++);
            if (children.ContainsKey(name))
            {
                throw new InvalidActorNameException($"Actor name '{name}' is not unique under {Path}: a living child or one whose termination is not processed yet holds it.");
            }

            ActorPath path;
            try
            {
                path = Path.Child(name, StableHash.ActorUid(_system.Settings.Seed, Path.Uid, name, extras.ChildrenCreated));
            }
            catch (ArgumentException error)
            {
                throw new InvalidActorNameException(error.Message);
            }

            child = new ActorCell(_system, props, this, path);
            children.Add(name, child);
            extras.ChildrenCreated++;
        }

        child._self.SendSystem(new Create());
        return child;
    }

    internal List<ActorCell> ChildCells()
    {
        if (_extras?.Children is not { } children)
        {
            return [];
        }

        lock (children)
        {
            return [.. children.Values];
        }
    }

    internal void StopChild(ActorCell child)
    {
        (Extras.Dying ??= []).Add(child);
        child._self.SendSystem(new Terminate());
    }

    private bool IsChild(ActorCell cell)
    {
        if (!ReferenceEquals(cell._parent, this) || _extras?.Children is not { } children)
        {
            return false;
        }

        lock (children)
        {
            return children.TryGetValue(cell.Path.Name, out var found) && ReferenceEquals(found, cell);
        }
    }

    private void ChildTerminated(ActorCell child)
    {
        if (_extras?.Children is { } children)
        {
            lock (children)
            {
                if (children.TryGetValue(child.Path.Name, out var found) && ReferenceEquals(found, child))
                {
                    children.Remove(child.Path.Name);
                }
            }
        }

        _extras?.Dying?.Remove(child);
        if (_state == CellState.Terminating && !HasChildren)
        {
            FinishTerminate();
        }
        else if (_state == CellState.Restarting && _extras?.Dying is not { Count: > 0 })
        {
            FinishRecreate(_extras!.PendingRestartCause!);
        }
    }

    private void SendToChildren(Func<SystemMessage> message)
    {
        foreach (var child in ChildCells())
        {
            child._self.SendSystem(message());
        }
    }
}
