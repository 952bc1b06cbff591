using Akka.Actor;
using EdgeMoE.Actors.Edge.Failures;
using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Actors.Edge.Clock;

/// <summary>
/// Opens the slots of a run, from the moment the network is connected (<see cref="ConnectNetwork"/>). Slot t is a
/// barrier: it ends when the router, every server that is up and its link reported it (and, on evaluation slots, the
/// router measured test accuracy). Time is data: the next slot starts at max(start + τ, the latest virtual arrival
/// among the slot's reports), never on a timer. Each finished slot is published to the observer as
/// <see cref="SlotMetrics"/> with its <see cref="TokenLedger"/>, then <see cref="RunCompleted"/> after the last.
/// </summary>
/// <remarks>
/// Failures: at the start of each slot the clock applies the <see cref="FailureSchedule"/> (its parent stops crashed
/// servers' actors and starts recovered ones), tells the router which servers are down, empties the queues of servers
/// back from a partition, and answers the policy for the servers that are down. A server its parent reports lost
/// (<see cref="ServersLost"/>) is no longer waited for, from that moment, and stays down.
/// </remarks>
public sealed class SlotClockActor : ReceiveActor
{
    private readonly SlotSchedule _schedule;
    private readonly FailureSchedule? _failures;
    private readonly IActorRef _observer;
    private IActorRef _client = ActorRefs.Nobody;
    private IActorRef _router = ActorRefs.Nobody;
    private IActorRef _policy = ActorRefs.Nobody;
    private IActorRef[] _servers = [];
    private ServerSlotReport?[] _serverReports = [];
    private LinkSlotReport?[] _linkReports = [];
    private bool[] _expected = [];
    private bool[] _down = [];
    private bool[] _lost = [];
    private double[] _energyBacklog = [];
    private RouterSlotReport? _routerReport;
    private readonly List<ServersLost> _lostThisSlot = [];
    private long _slot = -1;
    private TimeSpan _startedAt;
    private TimeSpan _endsAt;
    private bool _evaluating;
    private long _arrivals;
    private long _completed;
    private long _rerouted;
    private readonly int _checkpointEvery;
    private readonly ActorSnapshot? _restore;
    private IActorRef[] _channels = [];
    private List<ActorSnapshot>? _captured;
    private int _capturesAwaited;
    private TimeSpan _nextStartsAt;

    /// <param name="schedule">Slots, τ and evaluation points.</param>
    /// <param name="observer">Receives <see cref="SlotMetrics"/> and <see cref="RunCompleted"/>.</param>
    /// <param name="failures">Scheduled failures, applied at slot starts; null for none.</param>
    /// <param name="checkpointEvery">Slots between snapshots of the network (<see cref="NetworkSnapshot"/> to the observer); 0 for none.</param>
    /// <param name="restore">The clock's state to continue from (a checkpoint's): the run opens the slot after it.</param>
    public SlotClockActor(SlotSchedule schedule, IActorRef observer, FailureSchedule? failures = null, int checkpointEvery = 0, ActorSnapshot? restore = null)
    {
        schedule.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(checkpointEvery);
        _checkpointEvery = checkpointEvery;
        _restore = restore;
        _schedule = schedule;
        _failures = failures is { IsEmpty: false } ? failures : null;
        _observer = observer;
        Receive<ConnectNetwork>(Connect);
        Receive<CrashesApplied>(Applied);
        Receive<ServersLost>(Lose);
        Receive<RouterSlotReport>(r => Record(ref _routerReport, r, r.Slot, r.ArrivesAt));
        Receive<ServerSlotReport>(r =>
        {
            if (IsExpected(r.Server, r.Slot))
            {
                Record(ref _serverReports[r.Server], r, r.Slot, r.ArrivesAt);
            }
        });
        Receive<LinkSlotReport>(r =>
        {
            if (IsExpected(r.Server, r.Slot))
            {
                Record(ref _linkReports[r.Server], r, r.Slot, r.ArrivesAt);
            }
        });
        Receive<EvaluationReport>(r => Finish(r.Accuracy));
        Receive<ActorSnapshot>(Captured);
    }

    /// <summary>The clock's stable name in snapshots.</summary>
    public const string SnapshotName = "clock";

    /// <summary>Props of a clock (see the constructor).</summary>
    public static Props Props(SlotSchedule schedule, IActorRef observer, FailureSchedule? failures = null, int checkpointEvery = 0, ActorSnapshot? restore = null) =>
        Akka.Actor.Props.Create(() => new SlotClockActor(schedule, observer, failures, checkpointEvery, restore));

    private int Servers => _servers.Length;

    private void Connect(ConnectNetwork network)
    {
        _client = network.Client;
        _router = network.Router;
        _policy = network.Policy ?? ActorRefs.Nobody;
        _servers = [.. network.Servers];
        _serverReports = new ServerSlotReport?[Servers];
        _linkReports = new LinkSlotReport?[Servers];
        _expected = new bool[Servers];
        _down = new bool[Servers];
        _lost = new bool[Servers];
        _energyBacklog = new double[Servers];
        _channels = network.Channels is { } channels ? [.. channels] : [];
        if (_restore is { } restore)
        {
            SnapshotCodec.Restore(restore, Context.System, r =>
            {
                _slot = r.ReadVarInt();
                _nextStartsAt = r.ReadTimeSpan();
                _down = [.. r.ReadInts().Select(d => d != 0)];
                _lost = [.. r.ReadInts().Select(d => d != 0)];
                _energyBacklog = r.ReadDoubles();
                (_arrivals, _completed, _rerouted) = (r.ReadVarInt(), r.ReadVarInt(), r.ReadVarInt());
            });
            Start(_slot + 1, _nextStartsAt);
            return;
        }

        Start(0, TimeSpan.Zero);
    }

    /// <summary>
    /// At the barrier after a checkpoint slot every actor is idle: asks each for its state, and opens the next slot
    /// only once all answered (so no actor has moved on), after handing the observer the network's snapshot.
    /// </summary>
    private void Capture(TimeSpan nextStartsAt)
    {
        var actors = new List<IActorRef> { _client, _router, _policy };
        for (var j = 0; j < Servers; j++)
        {
            // Every server whose actors live, down or not: a partitioned server keeps its weights and energy queue.
            if (!_lost[j] && (_failures?.IsAlive(j, _slot) ?? true))
            {
                actors.Add(_servers[j]);
                actors.Add(_channels.Length > j ? _channels[j] : throw new InvalidOperationException("a checkpointing clock needs the links (ConnectNetwork.Channels)"));
            }
        }

        _nextStartsAt = nextStartsAt;
        _captured = [];
        _capturesAwaited = actors.Count;
        var request = new CaptureState(_slot);
        foreach (var actor in actors)
        {
            actor.Tell(request);
        }
    }

    private void Captured(ActorSnapshot snapshot)
    {
        var captured = _captured ?? throw new InvalidOperationException($"a snapshot of {snapshot.Actor} while no capture runs");
        if (snapshot.Slot != _slot)
        {
            throw new InvalidOperationException($"a snapshot of {snapshot.Actor} for slot {snapshot.Slot} while slot {_slot} is captured");
        }

        captured.Add(snapshot);
        if (captured.Count < _capturesAwaited)
        {
            return;
        }

        captured.Add(SnapshotCodec.Take(_slot, SnapshotName, w =>
        {
            w.WriteVarInt(_slot);
            w.WriteTimeSpan(_nextStartsAt);
            w.WriteInts([.. _down.Select(d => d ? 1 : 0)]);
            w.WriteInts([.. _lost.Select(d => d ? 1 : 0)]);
            w.WriteDoubles(_energyBacklog);
            w.WriteVarInt(_arrivals);
            w.WriteVarInt(_completed);
            w.WriteVarInt(_rerouted);
            return [];
        }));
        captured.Sort((a, b) => string.CompareOrdinal(a.Actor, b.Actor));
        _captured = null;
        _observer.Tell(new NetworkSnapshot(_slot, captured));
        Start(_slot + 1, _nextStartsAt);
    }

    /// <summary>A report of a server (or its link) the clock waits for; a lost server's late report is dropped.</summary>
    private bool IsExpected(int server, long slot) => slot != _slot || _expected[server] || !_lost[server];

    private void Start(long slot, TimeSpan startsAt)
    {
        _slot = slot;
        _startedAt = startsAt;
        _endsAt = startsAt;
        var transitions = _failures?.At(slot);
        var stop = transitions?.Stop.Where(j => !_lost[j]).ToArray() ?? [];
        var start = transitions?.Start.Where(j => !_lost[j]).ToArray() ?? [];
        if (stop.Length > 0 || start.Length > 0)
        {
            // The parent owns the server actors: it stops and starts them, then the slot opens (CrashesApplied).
            Context.Parent.Tell(new ApplyCrashes(slot, stop, start));
            return;
        }

        Open([]);
    }

    private void Applied(CrashesApplied applied)
    {
        if (applied.Slot != _slot)
        {
            throw new InvalidOperationException($"crashes applied for slot {applied.Slot} while slot {_slot} opens");
        }

        foreach (var started in applied.Started)
        {
            _servers[started.Server] = started.ExpertServer;
            if (_channels.Length > started.Server)
            {
                // Snapshots ask the recovered link, not the one that died with the crash.
                _channels[started.Server] = started.Channel;
            }

            _energyBacklog[started.Server] = 0;
        }

        Open(applied.Started);
    }

    private void Open(IReadOnlyList<ServerReplacement> replaced)
    {
        _routerReport = null;
        Array.Clear(_serverReports);
        Array.Clear(_linkReports);
        var newlyDown = new List<int>();
        var down = new bool[Servers];
        for (var j = 0; j < Servers; j++)
        {
            down[j] = _lost[j] || (_failures?.IsDown(j, _slot) ?? false);
            if (down[j] && !_down[j])
            {
                newlyDown.Add(j);
            }

            _expected[j] = !down[j];
        }

        var rejoin = _failures?.At(_slot).Rejoin ?? [];
        _down = down;
        _router.Tell(new SlotAvailability(_slot, [.. down], [.. newlyDown], replaced));
        var tick = new SlotTick(_slot, _startedAt);
        _client.Tell(tick);
        for (var j = 0; j < Servers; j++)
        {
            if (down[j])
            {
                // A server that is down cannot tell the policy its state: the clock says it is unavailable.
                _policy.Tell(new ServerStatus(_slot, j, 0, _energyBacklog[j], false));
                continue;
            }

            if (Array.IndexOf(rejoin, j) >= 0)
            {
                _servers[j].Tell(new ServerRejoin(_slot));
            }

            _servers[j].Tell(tick);
        }
    }

    private void Lose(ServersLost lost)
    {
        var fresh = lost.Servers.Where(j => !_lost[j]).ToArray();
        if (fresh.Length == 0)
        {
            return;
        }

        _lostThisSlot.Add(lost with { Servers = fresh });
        var missing = new List<int>();
        foreach (var j in fresh)
        {
            _lost[j] = true;
            if (_expected[j] && (_serverReports[j] is null || _linkReports[j] is null))
            {
                missing.Add(j);
            }

            _expected[j] = false;
        }

        if (missing.Count > 0)
        {
            _router.Tell(new ServersLostInSlot(_slot, [.. missing]));
            foreach (var j in missing)
            {
                _policy.Tell(new ServerStatus(_slot, j, 0, _energyBacklog[j], false));
            }
        }

        TryComplete();
    }

    private void Record<T>(ref T? field, T report, long slot, TimeSpan arrivesAt)
        where T : class
    {
        if (slot != _slot || field is not null)
        {
            throw new InvalidOperationException($"unexpected {typeof(T).Name} for slot {slot} while slot {_slot} runs");
        }

        field = report;
        _endsAt = arrivesAt > _endsAt ? arrivesAt : _endsAt;
        TryComplete();
    }

    private void TryComplete()
    {
        if (_evaluating || _routerReport is null)
        {
            return;
        }

        for (var j = 0; j < Servers; j++)
        {
            if (_expected[j] && (_serverReports[j] is null || _linkReports[j] is null))
            {
                return;
            }
        }

        if (_schedule.EvaluatesAfter(_slot))
        {
            // Evaluation measures the model outside the emulated links: it takes no virtual time.
            _evaluating = true;
            _router.Tell(new EvaluateModel(_slot, _schedule.IsLast(_slot)));
        }
        else
        {
            Finish(null);
        }
    }

    private void Finish(double? accuracy)
    {
        var full = _evaluating && _schedule.IsLast(_slot);
        _evaluating = false;
        var servers = new ServerSlotReport[Servers];
        var links = new LinkSlotReport[Servers];
        for (var j = 0; j < Servers; j++)
        {
            // A server that is down (or was lost this slot) reports nothing: it routed, computed and sent nothing.
            servers[j] = _serverReports[j] ?? new ServerSlotReport(_slot, j, false, 0, 0, 0, _energyBacklog[j], 0, 0, 0, _startedAt, []);
            links[j] = _linkReports[j] ?? new LinkSlotReport(_slot, j, 0, 0, _startedAt);
            _energyBacklog[j] = servers[j].EnergyBacklog;
        }

        var router = _routerReport!;
        var ledger = Account(router, servers);
        // The ledger's token lists are large and spent: the published reports keep only their counts.
        _observer.Tell(new SlotMetrics(
            _slot, _startedAt, router with { Tokens = null }, [.. servers.Select(s => s with { QueuedTokens = null })], links, accuracy, full, ledger,
            _lostThisSlot.Count == 0 ? null : [.. _lostThisSlot]));
        // A loss found while the next slot is being opened belongs to that slot.
        _lostThisSlot.Clear();
        if (_schedule.IsLast(_slot))
        {
            _observer.Tell(new RunCompleted(_schedule.Slots));
            return;
        }

        var earliest = _startedAt + _schedule.SlotLength;
        var next = _endsAt > earliest ? _endsAt : earliest;
        if (_checkpointEvery > 0 && (_slot + 1) % _checkpointEvery == 0)
        {
            Capture(next);
            return;
        }

        Start(_slot + 1, next);
    }

    /// <summary>Checks every token the router holds against the queues the servers reported (see <see cref="TokenLedger"/>).</summary>
    private TokenLedger Account(RouterSlotReport router, ServerSlotReport[] servers)
    {
        _arrivals += router.Arrivals;
        _completed += router.Processed;
        var tokens = router.Tokens;
        _rerouted += tokens?.Rerouted ?? 0;
        if (tokens is null)
        {
            return new TokenLedger(_arrivals, _completed, 0, 0, _rerouted, _arrivals - _completed);
        }

        // Only the queues some token waits on are looked into.
        var queued = new HashSet<long>?[Servers];
        bool IsQueued(int server, long token) =>
            (queued[server] ??= servers[server].QueuedTokens is { } ids ? [.. ids] : []).Contains(token);

        long queuedTokens = 0, inFlight = tokens.Unassigned, lost = 0;
        var i = 0;
        var waiting = tokens.WaitingTokens;
        while (i < waiting.Length)
        {
            var token = waiting[i];
            var awaitsRoute = false;
            var missing = false;
            for (; i < waiting.Length && waiting[i] == token; i++)
            {
                var j = tokens.WaitingServers[i];
                if (_down[j] || _lost[j])
                {
                    awaitsRoute = true;
                }
                else if (!IsQueued(j, token))
                {
                    missing = true;
                }
            }

            if (missing)
            {
                lost++;
            }
            else if (awaitsRoute)
            {
                inFlight++;
            }
            else
            {
                queuedTokens++;
            }
        }

        // Tokens that arrived and were neither processed nor are held by the router have vanished.
        lost += Math.Abs(_arrivals - _completed - tokens.Holding);
        return new TokenLedger(_arrivals, _completed, queuedTokens, inFlight, _rerouted, lost);
    }
}
