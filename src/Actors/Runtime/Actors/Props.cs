namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// The recipe for an actor: how to construct it, which mailbox and dispatcher it gets. Immutable and meant to
/// be shared: a million actors spawned from one <see cref="Props"/> share this single object.
/// </summary>
public sealed class Props
{
    private readonly Func<ActorBase> _factory;

    private Props(Type actorType, Func<ActorBase> factory, MailboxSettings? mailbox, DispatcherKind dispatcher, int? throughput, SupervisorStrategy? supervisorStrategy)
    {
        ActorType = actorType;
        _factory = factory;
        Mailbox = mailbox;
        Dispatcher = dispatcher;
        Throughput = throughput;
        SupervisorStrategy = supervisorStrategy;
    }

    /// <summary>Type of the actor this recipe constructs.</summary>
    public Type ActorType { get; }

    /// <summary>The mailbox of each actor; <c>null</c> takes the system's <see cref="ActorSystemSettings.DefaultMailbox"/>.</summary>
    public MailboxSettings? Mailbox { get; }

    /// <summary>Where the actor's turns run (default the shared thread pool).</summary>
    public DispatcherKind Dispatcher { get; }

    /// <summary>Messages per turn in real time, ≥ 1; <c>null</c> takes the system setting.</summary>
    public int? Throughput { get; }

    /// <summary>How the actor supervises its children unless it overrides <see cref="ActorBase.SupervisorStrategy"/>; <c>null</c>: the default strategy.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>Props for an actor with a parameterless constructor (cached per type).</summary>
    public static Props Create<TActor>()
        where TActor : ActorBase, new() => DefaultPropsOf<TActor>.Instance;

    /// <summary>Props whose factory builds each instance (called again on every restart).</summary>
    public static Props Create<TActor>(Func<TActor> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(TActor), factory, null, DispatcherKind.ThreadPool, null, null);
    }

    /// <summary>A copy with another mailbox.</summary>
    public Props WithMailbox(MailboxSettings mailbox) =>
        new(ActorType, _factory, mailbox ?? throw new ArgumentNullException(nameof(mailbox)), Dispatcher, Throughput, SupervisorStrategy);

    /// <summary>A copy with another dispatcher.</summary>
    public Props WithDispatcher(DispatcherKind dispatcher) =>
        new(ActorType, _factory, Mailbox, dispatcher, Throughput, SupervisorStrategy);

    /// <summary>A copy with another throughput (messages per turn, ≥ 1).</summary>
    public Props WithThroughput(int throughput)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(throughput, 1);
        return new(ActorType, _factory, Mailbox, Dispatcher, throughput, SupervisorStrategy);
    }

    /// <summary>A copy whose actors supervise their children with <paramref name="strategy"/>.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy) =>
        new(ActorType, _factory, Mailbox, Dispatcher, Throughput, strategy ?? throw new ArgumentNullException(nameof(strategy)));

    internal ActorBase NewActor() => _factory();

    private static class DefaultPropsOf<TActor>
        where TActor : ActorBase, new()
    {
        public static readonly Props Instance =
            new(typeof(TActor), static () => new TActor(), null, DispatcherKind.ThreadPool, null, null);
    }
}
