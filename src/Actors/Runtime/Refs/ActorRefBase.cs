namespace EdgeMoE.Actors.Runtime;

/// <summary>Common base of every actor reference: path-and-uid equality and the two delivery entry points.</summary>
internal abstract class ActorRefBase : IActorRef
{
    protected ActorRefBase(ActorSystem system, ActorPath path)
    {
        System = system;
        Path = path;
    }

    /// <inheritdoc />
    public ActorPath Path { get; }

    /// <summary>The system this reference belongs to.</summary>
    internal ActorSystem System { get; }

    /// <inheritdoc />
    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        Send(new Envelope(message, sender ?? ActorCell.CurrentSelf));
    }

    /// <summary>Sends with exactly the given sender: directly in real time, through the superstep outbox in virtual time.</summary>
    internal void Send(in Envelope envelope)
    {
        if (System.Superstep is { } superstep)
        {
            superstep.Post(this, envelope);
        }
        else
        {
            DeliverUser(envelope);
        }
    }

    /// <summary>Puts a user message into the target right now (real mode, or virtual mode at a superstep boundary).</summary>
    internal abstract void DeliverUser(in Envelope envelope);

    /// <summary>Puts a system message into the target right now.</summary>
    internal abstract void DeliverSystem(SystemMessage message);

    /// <summary>Sends a system message, through the superstep outbox in virtual mode.</summary>
    internal void SendSystem(SystemMessage message)
    {
        if (System.Superstep is { } superstep)
        {
            superstep.PostSystem(this, message);
        }
        else
        {
            DeliverSystem(message);
        }
    }

    /// <summary>Equal when path and uid are equal: a reference to a stopped actor never equals its successor of the same name.</summary>
    public bool Equals(IActorRef? other) => other is not null && Path.Uid == other.Path.Uid && Path.Equals(other.Path);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Path.GetHashCode() ^ Path.Uid.GetHashCode();

    /// <summary>By path (see <see cref="ActorPath.CompareTo"/>), then by uid.</summary>
    public int CompareTo(IActorRef? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byPath = Path.CompareTo(other.Path);
        return byPath != 0 ? byPath : Path.Uid.CompareTo(other.Path.Uid);
    }

    /// <inheritdoc />
    public override string ToString() => $"Actor[{Path.ToSerializationFormat()}]";
}
