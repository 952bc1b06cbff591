using Microsoft.Extensions.Logging;

namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// The runtime side of one actor: mailbox, lifecycle, supervision of its children and death watch. It is its own
/// thread-pool work item, so scheduling a turn allocates nothing. Rarely used state lives in <see cref="ActorCellExtras"/>.
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic]
    private static ActorCell? _running;

    [ThreadStatic]
    private static ActorCell? _constructing;

    private static readonly AsyncLocal<ActorCell?> AsyncOwner = new();

    private readonly ActorSystem _system;
    private readonly Props _props;
    private readonly ActorCell? _parent;
    private readonly LocalActorRef _self;
    private readonly MessageQueue _queue;
    private readonly int _throughput;
    private ActorBase? _actor;
    private ActorCellExtras? _extras;
    private Envelope _currentEnvelope;
    private long _sendSequence;
    private int _suspendCount;
    private int _incarnation;
    private volatile CellState _state;

    public ActorCell(ActorSystem system, Props props, ActorCell? parent, ActorPath path)
    {
        _system = system;
        _props = props;
        _parent = parent;
        _self = new LocalActorRef(system, path, this);
        _queue = (props.Mailbox ?? system.Settings.DefaultMailbox).CreateQueue();
        _throughput = props.Throughput ?? system.Settings.Throughput;
        if (props.Dispatcher == DispatcherKind.DedicatedThread && system.Superstep is null)
        {
            Extras.Thread = new DedicatedThread(this, path.ToStringWithoutAddress());
        }
    }

    /// <summary>
    /// The actor this code acts for: the owner of the async handler it belongs to (the owner flows into tasks the
    /// handler starts), else the cell whose turn runs on this thread.
    /// </summary>
    internal static ActorCell? Current => AsyncOwner.Value ?? _running;

    /// <summary>The implicit sender of a Tell: the running actor, if any.</summary>
    internal static IActorRef? CurrentSelf => Current?._self;

    /// <summary>The cell constructing an actor on this thread (read by the <see cref="ActorBase"/> constructor).</summary>
    internal static ActorCell? Constructing => _constructing;

    /// <summary>The cell of an actor whose <c>RunTask</c> code is running (flows through awaits).</summary>
    internal static ActorCell? AsyncCurrent => AsyncOwner.Value;

    /// <summary><c>true</c> when this thread runs a turn of this actor.</summary>
    internal bool IsRunningOnThisThread => ReferenceEquals(_running, this);

    public LocalActorRef SelfRef => _self;

    public ActorPath Path => _self.Path;

    public ActorCell? ParentCell => _parent;

    public IActorRef Self => _self;

    public IActorRef Sender => _currentEnvelope.Sender ?? _system.DeadLetters;

    /// <summary>The sender of the message being processed, <c>null</c> when none.</summary>
    public IActorRef? CurrentSender => _currentEnvelope.Sender;

    public IActorRef Parent => (IActorRef?)_parent?._self ?? _system.DeadLetters;

    public ActorSystem System => _system;

    public TimeSpan Now => _system.Now;

    public Random Random => Extras.Random ??= new Xoshiro256Random(StableHash.ActorSeed(_system.Settings.Seed, Path, _incarnation));

    public ILogger Log => Extras.Logger ??= _system.CreateLogger(_props.ActorType, Path);

    public IStash Stash => Extras.StashView ??= new CellStash(this);

    public bool IsTerminated => _state == CellState.Terminated;

    /// <summary>The extras of an actor whose async code issues an ask (they exist: the async state lives there).</summary>
    internal ActorCellExtras ExtrasForAsk => Extras;

    // An async handler's continuation may touch the extras on a pool thread while the turn that started it is still
    // in BeginAwait: both must see one instance, or the accounting and the random generator split in two.
    private ActorCellExtras Extras => Volatile.Read(ref _extras) ?? CreateExtras();

    /// <summary>Next sequence number of messages this actor sends (virtual-time delivery order).</summary>
    internal long NextSendSequence() => Interlocked.Increment(ref _sendSequence);

    public override string ToString() => $"ActorCell[{Path}]";

    private ActorCellExtras CreateExtras()
    {
        var fresh = new ActorCellExtras();
        return Interlocked.CompareExchange(ref _extras, fresh, null) ?? fresh;
    }

    private ActorBase NewActor()
    {
        var previous = _constructing;
        _constructing = this;
        try
        {
            return _props.NewActor();
        }
        finally
        {
            _constructing = previous;
        }
    }

    // A dead letter that cannot reach its (stopped) subscriber is dropped, or it would circulate for ever.
    private void DeadLetter(in Envelope envelope)
    {
        if (envelope.Message is not Runtime.DeadLetter)
        {
            _system.PublishDeadLetter(new DeadLetter(envelope.Message, envelope.Sender, _self));
        }
    }

    private enum CellState : byte
    {
        Running,
        Restarting,
        Terminating,
        Terminated,
    }
}
