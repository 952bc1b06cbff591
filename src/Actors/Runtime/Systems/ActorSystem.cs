using Microsoft.Extensions.Logging;

namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// A hierarchy of actors under <c>/user</c> (yours) and <c>/system</c> (the runtime's), with its event stream,
/// scheduler and dead letters. In virtual time drive it with <see cref="RunUntilQuiescent"/> and <see cref="RunUntil"/>.
/// </summary>
public sealed class ActorSystem : IAsyncDisposable
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorCell _root;
    private readonly ActorCell _userGuardian;
    private readonly ActorCell _systemGuardian;
    private readonly ActorPath _tempPath;
    private readonly ILogger _deadLetterLog;
    private readonly VirtualTimeScheduler? _virtualTimers;
    private long _deadLetterCount;
    private long _tempCounter;
    private int _terminating;

    private ActorSystem(string name, ActorSystemSettings settings)
    {
        settings.Validate();
        Name = name;
        Settings = settings;
        Address = new Address(name, settings.Host, settings.Port);
        if (settings.Time == TimeMode.Virtual)
        {
            Superstep = new Superstep(settings.Parallelism);
            _virtualTimers = new VirtualTimeScheduler(Superstep);
            Timers = _virtualTimers;
        }
        else
        {
            Timers = new RealTimeScheduler(settings.TimeProvider);
            Workers = new ActorThreadPool(settings.Parallelism, name);
        }

        var root = ActorPath.Root(Address);
        DeadLetters = new DeadLettersRef(this, root.Child("deadLetters"));
        _tempPath = root.Child("temp");
        _deadLetterLog = settings.LoggerFactory.CreateLogger("EdgeMoE.Actors.DeadLetters");
        // Guardians never drop what they are sent, whatever the default mailbox of user actors.
        var guardian = Props.Create(() => new GuardianActor()).WithMailbox(MailboxSettings.Unbounded);
        _root = new ActorCell(this, guardian.WithSupervisorStrategy(SupervisorStrategy.Stopping), null, root);
        _root.PrepareForChildren();
        _root.SelfRef.SendSystem(new Create());
        _userGuardian = _root.SpawnChild(guardian.WithSupervisorStrategy(settings.GuardianStrategy ?? SupervisorStrategy.Default), "user");
        _userGuardian.PrepareForChildren();
        _systemGuardian = _root.SpawnChild(guardian, "system");
        _systemGuardian.PrepareForChildren();
    }

    /// <summary>Name of the system (the first part of its address).</summary>
    public string Name { get; }

    /// <summary>The system's address, <c>edgemoe://name</c> or <c>edgemoe://name@host:port</c>.</summary>
    public Address Address { get; }

    /// <summary>The validated settings.</summary>
    public ActorSystemSettings Settings { get; }

    /// <summary>Publish/subscribe by type; dead letters and unhandled messages are published here.</summary>
    public EventStream EventStream { get; } = new();

    /// <summary>Delayed and periodic messages on the system's clock.</summary>
    public IScheduler Scheduler => Timers;

    /// <summary>Messages sent here become <see cref="DeadLetter"/> events.</summary>
    public IActorRef DeadLetters { get; }

    /// <summary>Time since the system started: virtual in virtual mode, elapsed wall-clock time in real mode.</summary>
    public TimeSpan Now => Timers.Now;

    /// <summary><c>true</c> when the system runs on virtual time.</summary>
    public bool IsVirtual => Superstep is not null;

    /// <summary>Number of dead letters published so far.</summary>
    public long DeadLetterCount => Interlocked.Read(ref _deadLetterCount);

    /// <summary>Completes when every actor has stopped after <see cref="Terminate"/>.</summary>
    public Task WhenTerminated => _terminated.Task;

    /// <summary>Due time of the next scheduled message in virtual time, if any.</summary>
    public TimeSpan? NextTimerDue => _virtualTimers?.NextDue;

    internal Superstep? Superstep { get; }

    internal TimerScheduler Timers { get; }

    /// <summary>Real time: the threads that run actor turns; <c>null</c> in virtual time.</summary>
    internal ActorThreadPool? Workers { get; }

    /// <summary>Creates a system; <paramref name="name"/> uses letters, digits, '-' and '_'.</summary>
    public static ActorSystem Create(string name, ActorSystemSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!Address.IsValidSystemName(name))
        {
            throw new ArgumentException($"Actor system name '{name}' may contain only letters, digits, '-' and '_'.", nameof(name));
        }

        return new ActorSystem(name, settings ?? new ActorSystemSettings());
    }

    /// <summary>Creates a top-level actor under <c>/user</c>.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => _userGuardian.SpawnChild(props, name).SelfRef;

    /// <summary>Creates a top-level actor of a type with a parameterless constructor.</summary>
    public IActorRef ActorOf<TActor>(string? name = null)
        where TActor : ActorBase, new() => ActorOf(Props.Create<TActor>(), name);

    /// <summary>Creates a runtime actor under <c>/system</c> (test probes, infrastructure).</summary>
    public IActorRef SystemActorOf(Props props, string? name = null) => _systemGuardian.SpawnChild(props, name).SelfRef;

    /// <summary>
    /// The actor <paramref name="path"/> names: its current incarnation when the path has no uid, the incarnation with
    /// that uid otherwise. A path that names no actor of this system (another address, no such actor, a former
    /// incarnation) resolves to a reference whose messages become dead letters and whose watchers get
    /// <see cref="Terminated"/> at once.
    /// </summary>
    public IActorRef ResolveActorRef(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Address != Address)
        {
            return new DeadLettersRef(this, path);
        }

        if (path.Equals(DeadLetters.Path))
        {
            return DeadLetters;
        }

        var cell = _root;
        foreach (var name in path.Elements)
        {
            if (cell.ChildCell(name) is not { } child)
            {
                return new DeadLettersRef(this, path);
            }

            cell = child;
        }

        return path.Uid == ActorPath.UndefinedUid || path.Uid == cell.Path.Uid ? cell.SelfRef : new DeadLettersRef(this, path);
    }

    /// <summary><see cref="ResolveActorRef(ActorPath)"/> of a path in <see cref="ActorPath.ToSerializationFormat"/>.</summary>
    /// <exception cref="FormatException"><paramref name="path"/> is not an actor path.</exception>
    public IActorRef ResolveActorRef(string path) => ResolveActorRef(ActorPath.Parse(path));

    /// <summary>Stops an actor (children first, then <c>PostStop</c>); asynchronous.</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ((ActorRefBase)actor).SendSystem(new Terminate());
    }

    /// <summary>Virtual time: delivers and runs until nothing is in flight at the current instant (the clock does not move).</summary>
    public void RunUntilQuiescent() => RequireVirtual().RunUntilQuiescent();

    /// <summary>Virtual time: runs, firing timers in order, until <paramref name="time"/>; then the clock reads <paramref name="time"/>.</summary>
    public void RunUntil(TimeSpan time) => RunUntil(time, static () => false);

    /// <summary>Virtual time: <see cref="RunUntil(TimeSpan)"/> to <see cref="Now"/> + <paramref name="duration"/>.</summary>
    public void Advance(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        RunUntil(Now + duration);
    }

    /// <summary>
    /// Virtual time: runs until <paramref name="done"/> holds (checked at every quiescent point) or the clock would pass
    /// <paramref name="deadline"/>. Returns whether <paramref name="done"/> held; the clock stops where it held or at the deadline.
    /// </summary>
    public bool RunUntil(TimeSpan deadline, Func<bool> done)
    {
        var superstep = RequireVirtual();
        ArgumentNullException.ThrowIfNull(done);
        while (true)
        {
            superstep.RunUntilQuiescent();
            if (done())
            {
                return true;
            }

            if (!_virtualTimers!.FireNext(deadline))
            {
                _virtualTimers.AdvanceTo(deadline);
                superstep.RunUntilQuiescent();
                return done();
            }
        }
    }

    /// <summary>Stops all actors (user actors and runtime actors, children first) and completes <see cref="WhenTerminated"/>.</summary>
    public Task Terminate()
    {
        if (Interlocked.Exchange(ref _terminating, 1) == 0)
        {
            _root.SelfRef.SendSystem(new Terminate());
        }

        if (Superstep is { } superstep)
        {
            superstep.RunUntilQuiescent();
        }

        return WhenTerminated;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    /// <inheritdoc />
    public override string ToString() => $"ActorSystem[{Address}]";

    internal ILogger CreateLogger(Type actorType, ActorPath path) =>
        new ActorLogger(Settings.LoggerFactory.CreateLogger(actorType.FullName ?? actorType.Name), path);

    internal bool IsGuardian(ActorCell cell) =>
        ReferenceEquals(cell, _userGuardian) || ReferenceEquals(cell, _systemGuardian) || ReferenceEquals(cell, _root);

    internal void PublishDeadLetter(DeadLetter deadLetter)
    {
        Interlocked.Increment(ref _deadLetterCount);
        if (_deadLetterLog.IsEnabled(LogLevel.Debug))
        {
            _deadLetterLog.LogDebug("Dead letter {Message} from {Sender} to {Recipient}", deadLetter.Message, deadLetter.Sender?.Path, deadLetter.Recipient.Path);
        }

        EventStream.Publish(deadLetter);
    }

    /// <summary>A fresh <c>/temp</c> path; named after the asking actor and its sequence so virtual runs repeat exactly.</summary>
    internal ActorPath NextTemporaryPath()
    {
        var cell = ActorCell.Current;
        var name = cell is null
            ? $"ask-{Interlocked.Increment(ref _tempCounter)}"
            : $"ask-{StableHash.Fnv1a64(cell.Path.ToStringWithoutAddress()):x16}-{cell.NextSendSequence()}";
        return _tempPath.Child(name);
    }

    internal void OnRootTerminated()
    {
        Timers.Dispose();
        Workers?.Stop();
        _terminated.TrySetResult();
    }

    private Superstep RequireVirtual() =>
        Superstep ?? throw new InvalidOperationException("This operation drives virtual time; the system runs in real time (ActorSystemSettings.Time).");
}
