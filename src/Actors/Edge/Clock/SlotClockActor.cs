using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Actors.Runtime;

namespace EdgeMoE.Actors.Edge.Clock;

/// <summary>
/// Ticks the slots of a run in virtual time, from the moment the network is connected (<see cref="ConnectNetwork"/>). A slot ends when the router, every server and every link reported
/// (and, on evaluation slots, the router measured test accuracy); the next starts τ after the previous one started,
/// or at once when the slot's messages took longer than τ. Each finished slot is published to the observer as
/// <see cref="SlotMetrics"/>, then <see cref="RunCompleted"/> after the last.
/// </summary>
public sealed class SlotClockActor : ReceiveActor
{
    private readonly SlotSchedule _schedule;
    private readonly IActorRef _observer;
    private IActorRef _client = null!;
    private IActorRef _router = null!;
    private IReadOnlyList<IActorRef> _servers = [];
    private ServerSlotReport?[] _serverReports = [];
    private LinkSlotReport?[] _linkReports = [];
    private RouterSlotReport? _routerReport;
    private int _reports;
    private long _slot = -1;
    private TimeSpan _startedAt;
    private bool _evaluating;

    /// <param name="schedule">Slots, τ and evaluation points.</param>
    /// <param name="observer">Receives <see cref="SlotMetrics"/> and <see cref="RunCompleted"/>.</param>
    public SlotClockActor(SlotSchedule schedule, IActorRef observer)
    {
        schedule.Validate();
        _schedule = schedule;
        _observer = observer;
        Receive<ConnectNetwork>(Connect);
        Receive<StartSlot>(s => Start(s.Slot));
        Receive<RouterSlotReport>(r => Record(ref _routerReport, r, r.Slot));
        Receive<ServerSlotReport>(r => Record(ref _serverReports[r.Server], r, r.Slot));
        Receive<LinkSlotReport>(r => Record(ref _linkReports[r.Server], r, r.Slot));
        Receive<EvaluationReport>(r => Finish(r.Accuracy));
    }

    private void Connect(ConnectNetwork network)
    {
        _client = network.Client;
        _router = network.Router;
        _servers = network.Servers;
        _serverReports = new ServerSlotReport?[_servers.Count];
        _linkReports = new LinkSlotReport?[_servers.Count];
        Start(0);
    }

    private void Start(long slot)
    {
        _slot = slot;
        _startedAt = Context.Now;
        _routerReport = null;
        Array.Clear(_serverReports);
        Array.Clear(_linkReports);
        _reports = 0;
        var tick = new SlotTick(slot);
        _client.Tell(tick);
        foreach (var server in _servers)
        {
            server.Tell(tick);
        }
    }

    private void Record<T>(ref T? field, T report, long slot)
        where T : class
    {
        if (slot != _slot || field is not null)
        {
            throw new InvalidOperationException($"unexpected {typeof(T).Name} for slot {slot} while slot {_slot} runs");
        }

        field = report;
        _reports++;
        if (_reports < 1 + (2 * _servers.Count))
        {
            return;
        }

        if (_schedule.EvaluatesAfter(_slot))
        {
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

        var next = _startedAt + _schedule.SlotLength - Context.Now;
        var start = new StartSlot(_slot + 1);
        if (next > TimeSpan.Zero)
        {
            Context.System.Scheduler.ScheduleTellOnce(next, Self, start, Self);
        }
        else
        {
            Self.Tell(start);
        }
    }

    private sealed record StartSlot(long Slot);
}
