using Akka.Actor;
using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Actors.Edge.Clock;

/// <summary>
/// Opens the slots of a run, from the moment the network is connected (<see cref="ConnectNetwork"/>). Slot t is a
/// barrier: it ends when the router, every server and every link reported it (and, on evaluation slots, the router
/// measured test accuracy). Time is data: the next slot starts at max(start + τ, the latest virtual arrival among the
/// slot's reports), never on a timer. Each finished slot is published to the observer as <see cref="SlotMetrics"/>,
/// then <see cref="RunCompleted"/> after the last.
/// </summary>
public sealed class SlotClockActor : ReceiveActor
{
    private readonly SlotSchedule _schedule;
    private readonly IActorRef _observer;
    private IActorRef _client = ActorRefs.Nobody;
    private IActorRef _router = ActorRefs.Nobody;
    private IReadOnlyList<IActorRef> _servers = [];
    private ServerSlotReport?[] _serverReports = [];
    private LinkSlotReport?[] _linkReports = [];
    private RouterSlotReport? _routerReport;
    private int _reports;
    private long _slot = -1;
    private TimeSpan _startedAt;
    private TimeSpan _endsAt;
    private bool _evaluating;

    /// <param name="schedule">Slots, τ and evaluation points.</param>
    /// <param name="observer">Receives <see cref="SlotMetrics"/> and <see cref="RunCompleted"/>.</param>
    public SlotClockActor(SlotSchedule schedule, IActorRef observer)
    {
        schedule.Validate();
        _schedule = schedule;
        _observer = observer;
        Receive<ConnectNetwork>(Connect);
        Receive<RouterSlotReport>(r => Record(ref _routerReport, r, r.Slot, r.ArrivesAt));
        Receive<ServerSlotReport>(r => Record(ref _serverReports[r.Server], r, r.Slot, r.ArrivesAt));
        Receive<LinkSlotReport>(r => Record(ref _linkReports[r.Server], r, r.Slot, r.ArrivesAt));
        Receive<EvaluationReport>(r => Finish(r.Accuracy));
    }

    /// <summary>Props of a clock (see the constructor).</summary>
    public static Props Props(SlotSchedule schedule, IActorRef observer) =>
        Akka.Actor.Props.Create(() => new SlotClockActor(schedule, observer));

    private void Connect(ConnectNetwork network)
    {
        _client = network.Client;
        _router = network.Router;
        _servers = network.Servers;
        _serverReports = new ServerSlotReport?[_servers.Count];
        _linkReports = new LinkSlotReport?[_servers.Count];
        Start(0, TimeSpan.Zero);
    }

    private void Start(long slot, TimeSpan startsAt)
    {
        _slot = slot;
        _startedAt = startsAt;
        _endsAt = startsAt;
        _routerReport = null;
        Array.Clear(_serverReports);
        Array.Clear(_linkReports);
        _reports = 0;
        var tick = new SlotTick(slot, startsAt);
        _client.Tell(tick);
        foreach (var server in _servers)
        {
            server.Tell(tick);
        }
    }

    private void Record<T>(ref T? field, T report, long slot, TimeSpan arrivesAt)
        where T : class
    {
        if (slot != _slot || field is not null)
        {
            throw new InvalidOperationException($"unexpected {typeof(T).Name} for slot {slot} while slot {_slot} runs");
        }

        field = report;
        _reports++;
        _endsAt = arrivesAt > _endsAt ? arrivesAt : _endsAt;
        if (_reports < 1 + (2 * _servers.Count))
        {
            return;
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
        _observer.Tell(new SlotMetrics(_slot, _startedAt, _routerReport!, [.. _serverReports!], [.. _linkReports!], accuracy, full));
        if (_schedule.IsLast(_slot))
        {
            _observer.Tell(new RunCompleted(_schedule.Slots));
            return;
        }

        var earliest = _startedAt + _schedule.SlotLength;
        Start(_slot + 1, _endsAt > earliest ? _endsAt : earliest);
    }
}
