using System.Globalization;
using Akka.Actor;
using EdgeMoE.Actors.Nmoe;
using EdgeMoE.Models.Data;
using EdgeMoE.Models.Evaluation;
using EdgeMoE.Models.Moe.Federated;
using EdgeMoE.Models.Nn;
using EdgeMoE.Policies.Nmoe;

namespace EdgeMoE.Host.Scenarios.Nmoe;

/// <summary>
/// One partition of the scenario on actors: clients, their links and the FL server (client c and its link on edge member
/// c mod N of a cluster, the server with the host). Stage 1 (FedCE, FedSC and the FedAvg
/// baseline) in server rounds, the local classifiers, stage 2 (personal experts), stage 3 (FedGate rounds, RollGate
/// handed client to client, RanGate) and serverless inference; the centralised MoE trains beside them on its own thread.
/// Each round, expert stage, RollGate pass, local training and inference is one of the scenario's counted steps.
/// </summary>
internal sealed class NmoePartitionRun(
    NmoeSettings settings, string partition, IReadOnlyList<ClientDataSplit> data, int seed, EmulationSite site, TextWriter progress, NmoeSteps steps)
{
    private static readonly TimeSpan Patience = TimeSpan.FromHours(4);
    private readonly string _label = settings.Label(partition);
    private readonly string _scope = $"nmoe/{partition}";
    private readonly TextWriter _progress = TextWriter.Synchronized(progress);
    private readonly List<NmoeMethodResult> _results = [];
    private readonly List<RoundRecord> _rounds = [];
    private readonly Dictionary<string, ModelWeights> _weights = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopCentralised = new();
    private Task<NmoeMethodResult> _centralised = Task.FromException<NmoeMethodResult>(new InvalidOperationException("the centralised MoE was not started"));
    private IReadOnlyList<IActorRef> _clients = [];
    private IActorRef _server = ActorRefs.Nobody;
    private Task<string> _lost = new TaskCompletionSource<string>().Task;

    /// <summary>The methods' results and the server's rounds.</summary>
    /// <param name="participation">Who reports in each round.</param>
    /// <param name="resume">The state to continue from (the steps it holds are skipped), or null.</param>
    /// <param name="save">Writes the checkpoint of a step from the partition's state, which it collects through the function.</param>
    public (IReadOnlyList<NmoeMethodResult> Results, IReadOnlyList<RoundRecord> Rounds) Run(
        Participation participation, NmoePartitionState? resume, Action<long, Func<NmoePartitionState>> save)
    {
        try
        {
            return RunActors(participation, resume, save);
        }
        catch
        {
            // The centralised MoE's thread must leave libtorch before the process exits with the error: a thread still
            // inside it when the runtime tears the library down crashes the process (SIGSEGV instead of exit 1).
            _stopCentralised.Cancel();
            ((IAsyncResult)_centralised).AsyncWaitHandle.WaitOne();
            throw;
        }
    }

    private (IReadOnlyList<NmoeMethodResult> Results, IReadOnlyList<RoundRecord> Rounds) RunActors(
        Participation participation, NmoePartitionState? resume, Action<long, Func<NmoePartitionState>> save)
    {
        var first = data[0].Train;
        var shape = settings.Shape(first.Channels, first.Height, first.Width, first.Classes);
        // Minutes of training: a thread of its own rather than one of the pool's, which Akka's own actors share.
        _centralised = resume?.Centralised is { } finished ? Task.FromResult(finished) : Task.Factory.StartNew(
            () => Centralised(shape), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (resume is not null)
        {
            _results.AddRange(resume.Results);
            _rounds.AddRange(resume.Rounds);
            foreach (var (key, weights) in resume.Weights)
            {
                _weights[key] = weights;
            }
        }

        var total = data.Sum(d => (double)d.Train.Count);
        var setups = data.Select((split, c) => new NmoeClientSetup(c, shape, split, seed, $"{_scope}/client-{c}", split.Train.Count / total, settings.Training)).ToList();
        var samples = data.Select(d => (double)d.Train.Count).ToList();
        Props Server(IReadOnlyList<IActorRef> clients) => FlServerActor.Props(clients, participation, samples, settings.GateFraction, seed, $"{_scope}/server");
        var ready = new TaskCompletionSource<NmoeActors>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (site.Start($"nmoe-{partition}", placement => NmoeRunActor.Props(setups, Server, placement, ready)))
        {
            var actors = site.Await(ready.Task, $"nmoe {_label}");
            var (clients, links) = (actors.Clients, actors.Links);
            (_clients, _server, _lost) = (clients, actors.Server, actors.Lost);
            if (resume is not null)
            {
                Restore(resume);
            }

            void Step(Action work) => steps.Next(work, step => save(step, Capture));

            Federate(Step, FederatedTask.FedCe, "fedce", settings.Rounds, () => ModelWeights.Of(shape.NewExtractor(Generator("fedce-global-init"))),
                final => AskAll<ClientDone>(clients, new AdoptExtractor(ExtractorKind.FedCe, final)));
            Federate(Step, FederatedTask.FedSc, "fedsc", settings.Rounds, () => ModelWeights.Of(shape.NewContrastive(Generator("fedsc-global-init"))),
                final => AskAll<ClientDone>(clients, new AdoptExtractor(ExtractorKind.FedSc, final)));
            Federate(Step, FederatedTask.FedAvg, "fedavg", settings.Rounds, () => ModelWeights.Of(shape.NewClassifier(Generator("fedavg-global-init"))),
                final => _results.Add(Single(NmoeMethods.FedAvg, AskAll<ClientMetrics>(clients, new AdoptFedAvg(final)))));

            // The local classifier gets as many epochs as a FedCE client trains in all its rounds.
            Step(() =>
            {
                var localOptions = settings.Training.Classifier with { Epochs = settings.Training.Classifier.Epochs * settings.Rounds };
                _results.Add(Single(NmoeMethods.Local, AskAll<ClientMetrics>(clients, new TrainLocalClassifier(localOptions))));
                _progress.WriteLine($"nmoe {_label}: local classifiers trained");
            });

            foreach (var kind in new[] { ExtractorKind.FedCe, ExtractorKind.FedSc })
            {
                Step(() =>
                {
                    // Every client standardises features alike, with the mean and spread of all clients' training features.
                    var standardisation = FeatureStandardisation.Pool([.. AskAll<FeatureMomentsShared>(clients, new ShareFeatureMoments(kind)).Select(m => m.Moments)]);
                    var experts = AskAll<ClientDone>(clients, new TrainExpert(kind, settings.ExpertOptions, standardisation));
                    _progress.WriteLine(Invariant($"nmoe {_label}: {kind} personal experts trained, mean loss {experts.Average(e => e.Loss):0.0000}"));
                    AskAll<ClientDone>(clients, new PrepareFedGate(kind));
                });
                var task = kind == ExtractorKind.FedCe ? FederatedTask.FedGateOnFedCe : FederatedTask.FedGateOnFedSc;
                Federate(Step, task, GateKey(kind, GateKind.FedGate), settings.GateRounds, () => ModelWeights.Of(shape.NewGate(Generator($"{kind}-fedgate-init"))), _ => { });
                for (var pass = 0; pass < settings.RollGatePasses; pass++)
                {
                    var number = pass + 1;
                    Step(() => RollGatePass(kind, number, () => ModelWeights.Of(shape.NewGate(Generator($"{kind}-rollgate-init")))));
                }
            }

            foreach (var (label, kind, gate) in NmoeMethods.Gated)
            {
                Step(() => _results.Add(Infer(label, clients, links, new Infer(kind, gate, gate == GateKind.RanGate ? null : _weights[GateKey(kind, gate)]))));
            }
        }

        _results.Add(_centralised.GetAwaiter().GetResult());
        return (_results, _rounds);
    }

    private static string GateKey(ExtractorKind kind, GateKind gate) => $"{kind}-{gate}";

    /// <summary>One step per round; the host keeps the global weights between rounds under <paramref name="key"/>.</summary>
    private void Federate(Action<Action> step, FederatedTask task, string key, int count, Func<ModelWeights> initial, Action<ModelWeights> finished)
    {
        for (var round = 1; round <= count; round++)
        {
            var number = round;
            step(() =>
            {
                var global = _weights.TryGetValue(key, out var current) ? current : initial();
                var done = Ask<FederationDone>(_server, new RunFederation(task, number, global, number));
                foreach (var r in done.Rounds)
                {
                    var metrics = r.Metrics is { } m ? Invariant($", accuracy {100 * m.Accuracy:0.00} %, F1 {100 * m.F1:0.00} %") : "";
                    _progress.WriteLine(Invariant($"nmoe {_label} {task} round {r.Round}/{count}: {r.Selected.Count} clients, loss {r.MeanLoss:0.0000}{metrics}"));
                }

                _rounds.AddRange(done.Rounds);
                _weights[key] = done.Final;
                if (number == count)
                {
                    finished(done.Final);
                }
            });
        }
    }

    private void RollGatePass(ExtractorKind kind, int pass, Func<ModelWeights> initial)
    {
        var key = GateKey(kind, GateKind.RollGate);
        var gate = _weights.TryGetValue(key, out var current) ? current : initial();
        var losses = new List<double>();
        foreach (var client in _clients)
        {
            var update = Ask<GateUpdate>(client, new RollGateTurn(kind, gate, settings.Training.Gate, settings.RollGateOwnShare));
            gate = update.Gate;
            losses.Add(update.Loss);
        }

        _weights[key] = gate;
        _progress.WriteLine(Invariant($"nmoe {_label} {kind} RollGate pass {pass}/{settings.RollGatePasses}: mean loss {losses.Average():0.0000}"));
    }

    /// <summary>The partition's state between steps (nothing is in flight then).</summary>
    private NmoePartitionState Capture() => new(
        [.. _results],
        [.. _rounds],
        new Dictionary<string, ModelWeights>(_weights, StringComparer.Ordinal),
        _centralised.IsCompletedSuccessfully ? _centralised.Result : null,
        [.. AskAll<ClientStateCaptured>(_clients, new CaptureClientState()).Select(c => c.State)],
        Ask<ServerState>(_server, new CaptureServerState()));

    private void Restore(NmoePartitionState state)
    {
        if (state.Clients.Count != _clients.Count)
        {
            throw new InvalidOperationException($"the checkpoint holds {state.Clients.Count} clients, the run has {_clients.Count}");
        }

        Answer(Task.WhenAll(_clients.Select((client, c) => client.Ask<ClientDone>(new RestoreClientState(state.Clients[c]), Patience))), nameof(RestoreClientState));
        Ask<ServerState>(_server, new RestoreServerState(state.Server));
    }

    private NmoeMethodResult Infer(string label, IReadOnlyList<IActorRef> clients, IReadOnlyList<IActorRef> links, Infer request)
    {
        var before = AskAll<LinkTraffic>(links, new GetTraffic()).Sum(t => t.FeatureBits + t.AnswerBits);
        var answers = AskAll<InferenceResult>(clients, request);
        var after = AskAll<LinkTraffic>(links, new GetTraffic()).Sum(t => t.FeatureBits + t.AnswerBits);
        var local = answers.Sum(a => (double)a.Chosen[a.Client]) / answers.Sum(a => a.Chosen.Sum());

        var result = Mean(label, answers.Select(a => a.Metrics), local, after - before) with { Gating = [.. answers.OrderBy(a => a.Client).Select(a => a.Chosen)] };
        _progress.WriteLine(Invariant($"nmoe {_label} {label}: accuracy {100 * result.Accuracy:0.00} %, F1 {100 * result.F1:0.00} %, AUC {100 * result.Auc:0.00} %, local ratio {100 * local:0.0} %"));
        return result;
    }

    private NmoeMethodResult Centralised(NmoeShape shape)
    {
        TorchThreads.ApplyToCallingThread(); // libtorch keeps its thread count per OS thread
        var union = Union(data.Select(d => d.Train).ToList());
        using var model = new CentralisedMoe(shape, Generator("centralised-init"));
        var options = settings.Training.Classifier with { Epochs = settings.CentralisedEpochs };
        model.Train(union, options, settings.Training.BalanceWeight, DerivedSeeds.For(seed, $"{_scope}/centralised"),
            (epoch, loss) => _progress.WriteLine(Invariant($"nmoe {_label} centralised MoE epoch {epoch + 1}/{settings.CentralisedEpochs}: loss {loss:0.0000}")),
            _stopCentralised.Token);
        var metrics = new List<ClassificationMetrics>();
        var (localSamples, samples) = (0, 0);
        for (var c = 0; c < data.Count; c++)
        {
            var (chosen, probabilities) = model.Infer(data[c].Test);
            metrics.Add(ClassificationMetrics.Of(probabilities, data[c].Test.Labels, shape.Classes));
            localSamples += chosen.Count(e => e == c);
            samples += chosen.Length;
        }

        var result = Mean(NmoeMethods.CentralisedMoe, metrics, (double)localSamples / samples, 0);
        _progress.WriteLine(Invariant($"nmoe {_label} centralised MoE: accuracy {100 * result.Accuracy:0.00} %, F1 {100 * result.F1:0.00} %"));
        return result;
    }

    private NmoeMethodResult Single(string label, IReadOnlyList<ClientMetrics> metrics)
    {
        var result = Mean(label, metrics.Select(m => m.Metrics), 1, 0);
        _progress.WriteLine(Invariant($"nmoe {_label} {label}: accuracy {100 * result.Accuracy:0.00} %, F1 {100 * result.F1:0.00} %, AUC {100 * result.Auc:0.00} %"));
        return result;
    }

    private NmoeMethodResult Mean(string label, IEnumerable<ClassificationMetrics> metrics, double localRatio, long bits)
    {
        var list = metrics.ToList();
        return new NmoeMethodResult(label, _label, list.Average(m => m.Accuracy), list.Average(m => m.F1), list.Average(m => m.Auc), localRatio, bits);
    }

    private TorchSharp.torch.Generator Generator(string purpose) => NetworkSeed.Generator(seed, $"{_scope}/{purpose}");

    private static LabeledImages Union(IReadOnlyList<LabeledImages> parts) =>
        new([.. parts.SelectMany(p => p.Pixels)], [.. parts.SelectMany(p => p.Labels)], parts[0].Channels, parts[0].Height, parts[0].Width, parts[0].Classes);

    private T[] AskAll<T>(IReadOnlyList<IActorRef> actors, object message) =>
        Answer(Task.WhenAll(actors.Select(a => a.Ask<T>(message, Patience))), message.GetType().Name);

    private T Ask<T>(IActorRef actor, object message) => Answer(actor.Ask<T>(message, Patience), message.GetType().Name);

    /// <summary>The answer to a <paramref name="request"/>, or a stop naming the cause when a client, its node or the site is lost first.</summary>
    /// <exception cref="RunStoppedException">A client or link stopped, or the site was lost.</exception>
    private T Answer<T>(Task<T> answer, string request)
    {
        var what = $"nmoe {_label} ({request})";
        if (site.Await(Task.WhenAny(answer, (Task)_lost), what) != answer)
        {
            throw new RunStoppedException($"{what}: {_lost.Result}; the run cannot go on");
        }

        return answer.GetAwaiter().GetResult();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
