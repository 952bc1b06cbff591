using Akka.Actor;
using EdgeMoE.Models.Evaluation;
using EdgeMoE.Models.Moe.Federated;
using EdgeMoE.Models.Randomness;
using EdgeMoE.Policies.Nmoe;

namespace EdgeMoE.Actors.Nmoe;

/// <summary>
/// The federated-learning server, used during training only. Per round (a slot) it sends the global weights to the
/// clients that report (and, for FedGate, to the scheduled fraction of them), waits for all their updates and averages
/// them by FedAvg in client order; a client that misses the round simply is not averaged. A FedSC round has two halves:
/// the clients first share R_i of the global weights, then each trains against the others' weighted mean R̄_{−i}.
/// </summary>
public sealed class FlServerActor : ReceiveActor
{
    private readonly IReadOnlyList<IActorRef> _clients;
    private readonly Participation _participation;
    private readonly IReadOnlyList<double> _samples;
    private readonly double _gateFraction;
    private readonly long _seed;
    private readonly string _name;
    private readonly Dictionary<FederatedTask, Xoshiro256Random> _sampling = [];
    private readonly Dictionary<int, RoundUpdate> _updates = [];
    private readonly List<RoundRecord> _records = [];
    private float[]?[] _correlations = [];
    private RunFederation? _run;
    private IActorRef _requester = ActorRefs.Nobody;
    private ModelWeights? _global;
    private int _round;
    private IReadOnlyList<int> _selected = [];

    /// <summary>A server over <paramref name="clients"/> (by index).</summary>
    /// <param name="clients">The client actors.</param>
    /// <param name="participation">Who reports in each round.</param>
    /// <param name="samples">Each client's training samples (FedAvg weights; q_i for FedSC).</param>
    /// <param name="gateFraction">Fraction of the clients scheduled per FedGate round.</param>
    /// <param name="seed">The run seed (FedGate's scheduling draws).</param>
    /// <param name="name">A stable name of this server in the run.</param>
    public FlServerActor(IReadOnlyList<IActorRef> clients, Participation participation, IReadOnlyList<double> samples, double gateFraction, long seed, string name)
    {
        _clients = clients;
        _participation = participation;
        _samples = samples;
        _gateFraction = gateFraction;
        _seed = seed;
        _name = name;
        Receive<RunFederation>(OnRun);
        Receive<RoundUpdate>(OnUpdate);
        Receive<CorrelationShared>(OnCorrelation);
        Receive<Status.Failure>(f => Finish(f));
        Receive<CaptureServerState>(_ => Sender.Tell(Capture()));
        Receive<RestoreServerState>(m =>
        {
            foreach (var (task, words) in m.State.Sampling)
            {
                _sampling[task] = Xoshiro256Random.FromState(words);
            }

            Sender.Tell(Capture());
        });
    }

    /// <summary>Props of a server.</summary>
    public static Props Props(IReadOnlyList<IActorRef> clients, Participation participation, IReadOnlyList<double> samples, double gateFraction, long seed, string name) =>
        Akka.Actor.Props.Create(() => new FlServerActor(clients, participation, samples, gateFraction, seed, name));

    private void OnRun(RunFederation run)
    {
        if (_run is not null)
        {
            Sender.Tell(new Status.Failure(new InvalidOperationException($"the FL server is already running {_run.Task}")));
            return;
        }

        (_run, _requester, _global, _round) = (run, Sender, run.Initial, run.First - 1);
        _records.Clear();
        _correlations = new float[]?[_clients.Count];
        NextRound();
    }

    private void NextRound()
    {
        var run = _run!;
        while (++_round <= run.Rounds)
        {
            var reporting = _participation.Reporting(_round);
            _selected = run.Task is FederatedTask.FedGateOnFedCe or FederatedTask.FedGateOnFedSc
                ? ClientSampling.Choose(reporting, _clients.Count, _gateFraction, Sampling(run.Task))
                : reporting;
            if (_selected.Count > 0)
            {
                _updates.Clear();
                Array.Clear(_correlations);
                foreach (var c in _selected)
                {
                    _clients[c].Tell(run.Task == FederatedTask.FedSc ? new ShareCorrelation(_round, _global!) : new TrainRound(run.Task, _round, _global!, null));
                }

                return;
            }

            // Nobody reported: the round passes and the global model stays as it was.
            _records.Add(new RoundRecord(run.Task, _round, [], double.NaN, null, 0));
        }

        Finish(new FederationDone(run.Task, _global!, [.. _records]));
    }

    private void OnCorrelation(CorrelationShared shared)
    {
        if (_run is not { Task: FederatedTask.FedSc } || shared.Round != _round || !_selected.Contains(shared.Client))
        {
            return;
        }

        _correlations[shared.Client] = shared.Correlation;
        if (_selected.Any(c => _correlations[c] is null))
        {
            return;
        }

        var shares = Shares();
        foreach (var c in _selected)
        {
            _clients[c].Tell(new TrainRound(FederatedTask.FedSc, _round, _global!, SpectralContrastiveLoss.Others(_correlations, shares, c)));
        }
    }

    private void OnUpdate(RoundUpdate update)
    {
        if (_run is null || update.Round != _round || update.Task != _run.Task || !_selected.Contains(update.Client))
        {
            return;
        }

        _updates[update.Client] = update;
        if (_updates.Count < _selected.Count)
        {
            return;
        }

        var ordered = _selected.Select(c => _updates[c]).ToList();
        _global = FedAvg.Average([.. ordered.Select(u => u.Weights)], [.. ordered.Select(u => _samples[u.Client])]);
        var metrics = ordered.All(u => u.Metrics is not null)
            ? new ClassificationMetrics(ordered.Average(u => u.Metrics!.Accuracy), ordered.Average(u => u.Metrics!.F1), ordered.Average(u => u.Metrics!.Auc))
            : null;
        var bits = ordered.Sum(u => u.Weights.Bits + (32L * (_correlations[u.Client]?.Length ?? 0)));
        _records.Add(new RoundRecord(_run.Task, _round, _selected, ordered.Average(u => u.Loss), metrics, bits));
        NextRound();
    }

    private void Finish(object answer)
    {
        _requester.Tell(answer);
        _run = null;
        _requester = ActorRefs.Nobody;
    }

    private double[] Shares()
    {
        var total = _samples.Sum();
        return [.. _samples.Select(s => s / total)];
    }

    private ServerState Capture() => new(_sampling.ToDictionary(s => s.Key, s => s.Value.GetState()));

    private Xoshiro256Random Sampling(FederatedTask task)
    {
        if (!_sampling.TryGetValue(task, out var random))
        {
            random = new Xoshiro256Random(StableHash.Mix64(unchecked((ulong)_seed) ^ StableHash.Fnv1a64($"{_name}/{task}/scheduling")));
            _sampling[task] = random;
        }

        return random;
    }
}
