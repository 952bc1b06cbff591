using Akka.Actor;
using EdgeMoE.Models.Moe.Federated;
using EdgeMoE.Models.Nn;

namespace EdgeMoE.Actors.Nmoe;

/// <summary>
/// A networked-MoE client: it trains in the FL server's rounds, trains its personal expert and its gates, answers its
/// peers' expert queries and, at inference, routes each test sample's features top-1 to an expert through its link and
/// aggregates the answers. The computations are its <see cref="FederatedClient"/>'s; one request of its own is in
/// flight at a time, and answers are placed by sample index, so the results do not depend on arrival order.
/// </summary>
public sealed class NmoeClientActor : ReceiveActor
{
    private readonly FederatedClient _client;
    private readonly ClientTraining _training;
    private readonly int _classes;
    private IActorRef _link = ActorRefs.Nobody;
    private int _peers;
    private long _nextId;
    private PeerGather? _gather;

    /// <summary>The actor of the client <paramref name="setup"/> describes (it builds, owns and disposes the client).</summary>
    public NmoeClientActor(NmoeClientSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _client = setup.NewClient();
        _training = setup.Training;
        _classes = setup.Shape.Classes;
        Receive<WireClients>(w => (_link, _peers) = (w.Link, w.Clients.Count));
        Receive<TrainRound>(m => Guard(() => OnTrainRound(m)));
        Receive<ShareCorrelation>(m => Guard(() =>
            Sender.Tell(new CorrelationShared(_client.Index, m.Round, _client.FedScCorrelation(m.Global, _training.Contrastive.BatchSize, _training.DpNoiseStd)))));
        Receive<AdoptExtractor>(m => Guard(() =>
        {
            _client.AdoptExtractor(m.Kind, m.Weights);
            Sender.Tell(new ClientDone(_client.Index, 0));
        }));
        Receive<AdoptFedAvg>(m => Guard(() => Sender.Tell(new ClientMetrics(_client.Index, _client.AdoptFedAvg(m.Weights)))));
        Receive<TrainLocalClassifier>(m => Guard(() => Sender.Tell(new ClientMetrics(_client.Index, _client.TrainLocal(m.Options).Metrics))));
        Receive<ShareFeatureMoments>(m => Guard(() => Sender.Tell(new FeatureMomentsShared(_client.Index, _client.TrainFeatureMoments(m.Kind)))));
        Receive<TrainExpert>(m => Guard(() => Sender.Tell(new ClientDone(_client.Index, _client.TrainExpert(m.Kind, m.Options, m.Standardisation)))));
        Receive<RollGateTurn>(m => Guard(() =>
        {
            var (weights, loss) = _client.RollGateTurn(m.Kind, m.Gate, m.Options, m.OwnShare);
            Sender.Tell(new GateUpdate(_client.Index, weights, loss));
        }));
        Receive<PrepareFedGate>(m => Guard(() => OnPrepareFedGate(m)));
        Receive<Infer>(m => Guard(() => OnInfer(m)));
        Receive<ExpertQuery>(m => Guard(() => Sender.Tell(new ExpertAnswer(m.From, _client.Index, m.Id, _client.ExpertProbabilities(m.Kind, m.Features, m.Count)))));
        Receive<ExpertAnswer>(m => Guard(() => OnAnswer(m)));
        Receive<CaptureClientState>(_ => Guard(() => Sender.Tell(new ClientStateCaptured(_client.Index, _client.Capture()))));
        Receive<RestoreClientState>(m => Guard(() =>
        {
            _client.Restore(m.State);
            Sender.Tell(new ClientDone(_client.Index, 0));
        }));
    }

    /// <summary>Props of a client actor; its argument crosses nodes, so it can be remote-deployed.</summary>
    public static Props Props(NmoeClientSetup setup) => Akka.Actor.Props.Create(() => new NmoeClientActor(setup));

    /// <inheritdoc />
    protected override void PostStop() => _client.Dispose();

    private void OnTrainRound(TrainRound round)
    {
        RoundUpdate update = round.Task switch
        {
            FederatedTask.FedCe => Update(round, _client.FedCeRound(round.Global, _training.Classifier)),
            FederatedTask.FedAvg => Update(round, _client.FedAvgRound(round.Global, _training.Classifier)),
            FederatedTask.FedSc => FedSc(round),
            FederatedTask.FedGateOnFedCe or FederatedTask.FedGateOnFedSc => FedGate(round),
            _ => throw new ArgumentOutOfRangeException(nameof(round), round.Task, "unknown federated task"),
        };
        Sender.Tell(update);
    }

    private RoundUpdate Update(TrainRound round, (ModelWeights Weights, double Loss, Models.Evaluation.ClassificationMetrics Metrics) result) =>
        new(_client.Index, round.Task, round.Round, result.Weights, result.Loss, result.Metrics);

    private RoundUpdate FedSc(TrainRound round)
    {
        var (weights, loss) = _client.FedScRound(round.Global, round.Others, _training.Contrastive);
        return new RoundUpdate(_client.Index, round.Task, round.Round, weights, loss, null);
    }

    private RoundUpdate FedGate(TrainRound round)
    {
        var kind = round.Task == FederatedTask.FedGateOnFedCe ? ExtractorKind.FedCe : ExtractorKind.FedSc;
        var (weights, loss) = _client.FedGateRound(kind, round.Global, _training.Gate, _training.BalanceWeight);
        return new RoundUpdate(_client.Index, round.Task, round.Round, weights, loss, null);
    }

    private void OnPrepareFedGate(PrepareFedGate prepare)
    {
        var features = _client.Features(prepare.Kind, test: false);
        var labels = _client.Data.Train.Labels;
        var count = labels.Length;
        var probabilities = new float[count * _peers];
        var requester = Sender;
        void Fill(int expert, float[] answer)
        {
            for (var n = 0; n < count; n++)
            {
                probabilities[(n * _peers) + expert] = answer[(n * _classes) + labels[n]];
            }
        }

        Fill(_client.Index, _client.ExpertProbabilities(prepare.Kind, features, count));
        var queries = Enumerable.Range(0, _peers).Where(e => e != _client.Index)
            .Select(e => (Expert: e, Rows: Enumerable.Range(0, count).ToArray())).ToList();
        StartGather(prepare.Kind, features, features.Length / Math.Max(1, count), queries, (expert, _, answer) => Fill(expert, answer), () =>
        {
            _client.SetLabelProbabilities(prepare.Kind, probabilities);
            requester.Tell(new ClientDone(_client.Index, 0));
        });
    }

    private void OnInfer(Infer infer)
    {
        var features = _client.Features(infer.Kind, test: true);
        var count = _client.Data.Test.Count;
        var chosen = _client.Route(infer.Kind, infer.Gate, infer.GateWeights);
        var probabilities = new float[count * _classes];
        var requester = Sender;
        void Place(int[] rows, float[] answer)
        {
            for (var r = 0; r < rows.Length; r++)
            {
                Array.Copy(answer, r * _classes, probabilities, rows[r] * _classes, _classes);
            }
        }

        var byExpert = Enumerable.Range(0, _peers)
            .Select(e => (Expert: e, Rows: Enumerable.Range(0, count).Where(i => chosen[i] == e).ToArray()))
            .Where(g => g.Rows.Length > 0).ToList();
        var local = byExpert.FirstOrDefault(g => g.Expert == _client.Index);
        if (local.Rows is { Length: > 0 })
        {
            var d = features.Length / count;
            Place(local.Rows, _client.ExpertProbabilities(infer.Kind, EpochOrder.Rows(features, d, local.Rows), local.Rows.Length));
        }

        StartGather(infer.Kind, features, features.Length / Math.Max(1, count), [.. byExpert.Where(g => g.Expert != _client.Index)], (_, rows, answer) => Place(rows, answer), () =>
        {
            var counts = new int[_peers];
            foreach (var e in chosen)
            {
                counts[e]++;
            }

            requester.Tell(new InferenceResult(_client.Index, _client.Metrics(probabilities), counts));
        });
    }

    private void StartGather(ExtractorKind kind, float[] features, int width, IReadOnlyList<(int Expert, int[] Rows)> queries, Action<int, int[], float[]> onAnswer, Action complete)
    {
        if (_gather is not null)
        {
            throw new InvalidOperationException($"client {_client.Index}: a peer query is already in flight");
        }

        if (queries.Count == 0)
        {
            complete();
            return;
        }

        _gather = new PeerGather(queries.Count, onAnswer, complete);
        foreach (var (expert, rows) in queries)
        {
            var id = _nextId++;
            _gather.Rows[id] = (expert, rows);
            _link.Tell(new ExpertQuery(_client.Index, expert, kind, id, EpochOrder.Rows(features, width, rows), rows.Length));
        }
    }

    private void OnAnswer(ExpertAnswer answer)
    {
        var gather = _gather ?? throw new InvalidOperationException($"client {_client.Index}: an answer from expert {answer.Expert} came unasked");
        var (expert, rows) = gather.Rows[answer.Id];
        gather.OnAnswer(expert, rows, answer.Probabilities);
        if (--gather.Remaining == 0)
        {
            _gather = null;
            gather.Complete();
        }
    }

    private void Guard(Action handler)
    {
        try
        {
            TorchThreads.ApplyToCallingThread(); // libtorch keeps its thread count per OS thread
            handler();
        }
        catch (Exception e)
        {
            // The asker (host or server) fails with the cause instead of waiting for an answer that will not come.
            Sender.Tell(new Status.Failure(e));
        }
    }

    private sealed class PeerGather(int remaining, Action<int, int[], float[]> onAnswer, Action complete)
    {
        public int Remaining { get; set; } = remaining;

        public Action<int, int[], float[]> OnAnswer { get; } = onAnswer;

        public Action Complete { get; } = complete;

        public Dictionary<long, (int Expert, int[] Rows)> Rows { get; } = [];
    }
}
