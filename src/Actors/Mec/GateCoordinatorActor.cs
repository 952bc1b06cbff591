using Akka.Actor;
using EdgeMoE.Actors.Edge.Failures;
using EdgeMoE.Models.Moe.Continual;
using EdgeMoE.Policies.Mec;

namespace EdgeMoE.Actors.Mec;

/// <summary>
/// The coordinator of a MEC network (Algorithm 1 of arXiv 2412.15690): step by step it takes the user's task, routes it
/// to an available server by its <see cref="IServerChoice"/>, and once the server reports its fit lets the choice learn
/// and records G_t. One task is in flight at a time, so a run is the same sequence of events on any thread count.
/// </summary>
/// <typeparam name="TData">The tasks' training data.</typeparam>
public sealed class GateCoordinatorActor<TData> : ReceiveActor
{
    private readonly IServerChoice _choice;
    private readonly int _tasks;
    private readonly GeneralisationError _error;
    private readonly TaskCompletionSource<MecRunResult> _done;
    private readonly IActorRef _user;
    private readonly IActorRef[] _servers;
    private readonly int[] _freeFrom;
    private readonly int[] _taken;
    private readonly bool[] _available;
    private readonly FailureSchedule? _failures;
    private readonly bool[] _crashed;
    private readonly List<double> _errors;
    private readonly MecRunCheckpoints? _checkpoints;
    private readonly ContinualExpertState?[] _saved;
    private int _savedPending;
    private int _lastSaved;
    private double[] _features = [];
    private OffloadedTask<TData>? _current;
    private TaskTaken? _report;
    private double[] _changes = [];
    private int _replies;
    private int _dropped;

    /// <summary>A coordinator that spawns the user and the servers as its children and runs <paramref name="tasks"/> steps.</summary>
    /// <param name="choice">How tasks are routed (the MoE gate or a baseline).</param>
    /// <param name="user">Props of the user actor.</param>
    /// <param name="servers">Props of the server actors, in index order.</param>
    /// <param name="tasks">T, the number of steps (one task each).</param>
    /// <param name="error">The G_t tracker, fed with the per-cluster errors the servers report.</param>
    /// <param name="done">Completed with the run's result after step T.</param>
    /// <param name="failures">Scheduled server failures, steps as slots; null for none.</param>
    /// <param name="checkpoints">Where and how often to send snapshots; null for none.</param>
    /// <param name="resume">
    /// The coordinator's state of a snapshot to continue from (the caller restores the choice, the tracker, the servers
    /// and the user of the same snapshot); null to start at step 1.
    /// </param>
    public GateCoordinatorActor(
        IServerChoice choice, Props user, IReadOnlyList<Props> servers, int tasks, GeneralisationError error, TaskCompletionSource<MecRunResult> done,
        FailureSchedule? failures = null, MecRunCheckpoints? checkpoints = null, MecCoordinatorState? resume = null)
    {
        _failures = failures;
        _crashed = new bool[servers.Count];
        _choice = choice;
        _tasks = tasks;
        _error = error;
        _done = done;
        _user = Context.ActorOf(user, "user");
        _servers = [.. servers.Select((props, m) => Context.ActorOf(props, $"server-{m}"))];
        _freeFrom = new int[_servers.Length];
        _taken = new int[_servers.Length];
        _available = new bool[_servers.Length];
        _errors = new List<double>(tasks);
        _checkpoints = checkpoints;
        _saved = new ContinualExpertState?[_servers.Length];
        if (resume is not null)
        {
            Restore(resume);
        }

        _lastSaved = _errors.Count;
        Running();
    }

    /// <summary>Props of a coordinator.</summary>
    public static Props Props(
        IServerChoice choice, Props user, IReadOnlyList<Props> servers, int tasks, GeneralisationError error, TaskCompletionSource<MecRunResult> done,
        FailureSchedule? failures = null, MecRunCheckpoints? checkpoints = null, MecCoordinatorState? resume = null) =>
        Akka.Actor.Props.Create(() => new GateCoordinatorActor<TData>(choice, user, servers, tasks, error, done, failures, checkpoints, resume));

    /// <inheritdoc />
    protected override void PreStart() => Advance();

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(failure =>
    {
        // A failed user or server ends the run with its exception instead of restarting with a fresh model.
        _done.TrySetException(failure);
        return Directive.Stop;
    });

    /// <inheritdoc />
    protected override void PreRestart(Exception reason, object message)
    {
        _done.TrySetException(reason);
        Context.Stop(Self);
    }

    private void OnTaskArrived(TaskArrived<TData> arrived)
    {
        var task = arrived.Task;
        _features = [.. task.GateFeatures];

        for (var m = 0; m < _servers.Length; m++)
        {
            // A crashed server is gone (not merely busy) until it recovers; it then starts with a fresh expert.
            var alive = _failures?.IsAlive(m, arrived.Step) ?? true;
            _crashed[m] |= !alive;
            _available[m] = alive && _freeFrom[m] <= arrived.Step;
        }

        var chosen = _choice.Choose(_features, _available);
        if (chosen < 0)
        {
            _dropped++;
            _errors.Add(_error.Value);
            Advance();
            return;
        }

        _current = task;
        _report = null;
        _changes = new double[_servers.Length];
        _replies = 1;
        _servers[chosen].Tell(new TakeTask<TData>(arrived.Step, task.Data, _failures?.RateFactor(chosen, arrived.Step) ?? 1, _crashed[chosen]));
        _crashed[chosen] = false;
        if (_choice.LearnsFromEveryServer)
        {
            // Every other server says what fitting the task would cost it; replies are kept by index, so their order does not matter.
            for (var m = 0; m < _servers.Length; m++)
            {
                if (m != chosen)
                {
                    _servers[m].Tell(new MeasureFit<TData>(arrived.Step, task.Data, _crashed[m]));
                    _replies++;
                }
            }
        }
    }

    private void OnTaskTaken(TaskTaken taken)
    {
        _ = _current ?? throw new InvalidOperationException($"server {taken.Server} reported a task the coordinator did not send");
        _report = taken;
        _changes[taken.Server] = taken.ModelChange;
        if (--_replies == 0)
        {
            FinishStep();
        }
    }

    private void OnFitMeasured(FitMeasured measured)
    {
        _ = _current ?? throw new InvalidOperationException($"server {measured.Server} measured a task the coordinator did not send");
        _changes[measured.Server] = measured.Change;
        if (--_replies == 0)
        {
            FinishStep();
        }
    }

    private void FinishStep()
    {
        var task = _current!;
        var taken = _report!;
        _current = null;
        _report = null;
        _freeFrom[taken.Server] = taken.FreeFromStep;
        _taken[taken.Server]++;
        if (_choice.LearnsFromEveryServer)
        {
            _choice.LearnFromEvery(taken.Step, _features, taken.Server, _changes);
        }
        else
        {
            _choice.Learn(taken.Step, _features, taken.Server, taken.ModelChange);
        }

        _error.Learn(taken.Server, task.Cluster, [.. taken.ErrorByCluster]);
        _errors.Add(_error.Value);
        Advance();
    }

    private void Running()
    {
        Receive<TaskArrived<TData>>(OnTaskArrived);
        Receive<TaskTaken>(OnTaskTaken);
        Receive<FitMeasured>(OnFitMeasured);
    }

    private void Advance()
    {
        var done = _errors.Count;
        if (done + 1 > _tasks)
        {
            _done.TrySetResult(new MecRunResult(_errors, _dropped, _taken, _choice.LearningStoppedAt));
            Context.Stop(Self);
            return;
        }

        if (_checkpoints is { } checkpoints && done % checkpoints.Every == 0 && done > _lastSaved)
        {
            StartSnapshot();
            return;
        }

        _user.Tell(new NextTask(done + 1));
    }

    // Between steps nothing is in flight: ask every server that ever learned for its expert, then send the whole run.
    private void StartSnapshot()
    {
        _lastSaved = _errors.Count;
        Array.Clear(_saved);
        _savedPending = 0;
        for (var m = 0; m < _servers.Length; m++)
        {
            if (_taken[m] > 0)
            {
                _servers[m].Tell(new SaveExpert());
                _savedPending++;
            }
        }

        Become(() =>
        {
            Receive<ExpertSaved>(OnExpertSaved);
            Receive<ContinueRun>(_ => ContinueAfterSnapshot());
        });
        if (_savedPending == 0)
        {
            SendSnapshot();
        }
    }

    private void OnExpertSaved(ExpertSaved saved)
    {
        _saved[saved.Server] = saved.State;
        if (--_savedPending == 0)
        {
            SendSnapshot();
        }
    }

    private void SendSnapshot()
    {
        var checkpoints = _checkpoints!;
        var state = new MecCoordinatorState([.. _errors], _dropped, [.. _freeFrom], [.. _taken], [.. _crashed]);
        var snapshot = new MecRunSnapshot(checkpoints.Run, _errors.Count, state, _choice.Save(), _error.Save(), [.. _saved]);
        if (!checkpoints.Snapshots.TryWrite(snapshot))
        {
            snapshot.Dispose();
            _done.TrySetException(new InvalidOperationException($"run {checkpoints.Run}: the checkpoint collector is closed"));
            Context.Stop(Self);
        }
    }

    private void ContinueAfterSnapshot()
    {
        Become(Running);
        _user.Tell(new NextTask(_errors.Count + 1));
    }

    private void Restore(MecCoordinatorState state)
    {
        if (state.FreeFrom.Length != _servers.Length || state.Taken.Length != _servers.Length || state.Crashed.Length != _servers.Length || state.Errors.Length > _tasks)
        {
            throw new ArgumentException($"the saved coordinator has {state.FreeFrom.Length} servers and {state.Errors.Length} steps, this run {_servers.Length} servers and {_tasks} steps", nameof(state));
        }

        _errors.AddRange(state.Errors);
        _dropped = state.Dropped;
        state.FreeFrom.CopyTo(_freeFrom, 0);
        state.Taken.CopyTo(_taken, 0);
        state.Crashed.CopyTo(_crashed, 0);
    }
}
