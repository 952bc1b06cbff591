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
/// One partition of the scenario on actors: clients, their links and the FL server. Stage 1 (FedCE, FedSC and the FedAvg
/// baseline) in server rounds, the local classifiers, stage 2 (personal experts), stage 3 (FedGate rounds, RollGate
/// handed client to client, RanGate) and serverless inference; the centralised MoE trains beside them on its own thread.
/// </summary>
internal sealed class NmoePartitionRun(NmoeSettings settings, string partition, IReadOnlyList<ClientDataSplit> data, int seed, Akka.Configuration.Config akka, int threads, TextWriter progress)
{
    private static readonly TimeSpan Patience = TimeSpan.FromHours(4);
    private readonly string _label = settings.Label(partition);
    private readonly string _scope = $"nmoe/{partition}";
    private readonly TextWriter _progress = TextWriter.Synchronized(progress);

    /// <summary>The methods' results and the server's rounds.</summary>
    public (IReadOnlyList<NmoeMethodResult> Results, IReadOnlyList<RoundRecord> Rounds) Run(Participation participation)
    {
        var first = data[0].Train;
        var shape = settings.Shape(first.Channels, first.Height, first.Width, first.Classes);
        var centralised = Task.Run(() => Centralised(shape));
        var results = new List<NmoeMethodResult>();
        var rounds = new List<RoundRecord>();
        using (var system = EmulationActorSystem.Create("nmoe", akka, threads))
        {
            var total = data.Sum(d => (double)d.Train.Count);
            var clients = data.Select((split, c) => system.ActorOf(
                NmoeClientActor.Props(new FederatedClient(c, shape, split, seed, $"{_scope}/client-{c}", split.Train.Count / total), settings.Training, shape.Classes),
                $"client-{c}")).ToList();
            var links = Enumerable.Range(0, clients.Count).Select(c => system.ActorOf(NmoeLinkActor.Props(c), $"link-{c}")).ToList();
            for (var c = 0; c < clients.Count; c++)
            {
                clients[c].Tell(new WireClients(links[c], clients));
                links[c].Tell(new WireClients(links[c], clients));
            }

            var server = system.ActorOf(FlServerActor.Props(clients, participation, [.. data.Select(d => (double)d.Train.Count)], settings.GateFraction, seed, $"{_scope}/server"), "server");
            var fedCe = Federate(server, FederatedTask.FedCe, settings.Rounds, ModelWeights.Of(shape.NewExtractor(Generator("fedce-global-init"))), rounds);
            AskAll<ClientDone>(clients, new AdoptExtractor(ExtractorKind.FedCe, fedCe));
            var fedSc = Federate(server, FederatedTask.FedSc, settings.Rounds, ModelWeights.Of(shape.NewContrastive(Generator("fedsc-global-init"))), rounds);
            AskAll<ClientDone>(clients, new AdoptExtractor(ExtractorKind.FedSc, fedSc));
            var fedAvg = Federate(server, FederatedTask.FedAvg, settings.Rounds, ModelWeights.Of(shape.NewClassifier(Generator("fedavg-global-init"))), rounds);
            results.Add(Single(NmoeMethods.FedAvg, AskAll<ClientMetrics>(clients, new AdoptFedAvg(fedAvg))));

            // The local classifier gets as many epochs as a FedCE client trains in all its rounds.
            var localOptions = settings.Training.Classifier with { Epochs = settings.Training.Classifier.Epochs * settings.Rounds };
            results.Add(Single(NmoeMethods.Local, AskAll<ClientMetrics>(clients, new TrainLocalClassifier(localOptions))));
            _progress.WriteLine($"nmoe {_label}: local classifiers trained");

            var gates = new Dictionary<(ExtractorKind, GateKind), ModelWeights?>();
            foreach (var kind in new[] { ExtractorKind.FedCe, ExtractorKind.FedSc })
            {
                var experts = AskAll<ClientDone>(clients, new TrainExpert(kind, settings.ExpertOptions));
                _progress.WriteLine(Invariant($"nmoe {_label}: {kind} personal experts trained, mean loss {experts.Average(e => e.Loss):0.0000}"));
                AskAll<ClientDone>(clients, new PrepareFedGate(kind));
                var task = kind == ExtractorKind.FedCe ? FederatedTask.FedGateOnFedCe : FederatedTask.FedGateOnFedSc;
                gates[(kind, GateKind.FedGate)] = Federate(server, task, settings.GateRounds, ModelWeights.Of(shape.NewGate(Generator($"{kind}-fedgate-init"))), rounds);
                gates[(kind, GateKind.RollGate)] = RollGate(clients, kind, ModelWeights.Of(shape.NewGate(Generator($"{kind}-rollgate-init"))));
                gates[(kind, GateKind.RanGate)] = null;
            }

            foreach (var (label, kind, gate) in NmoeMethods.Gated)
            {
                results.Add(Infer(label, clients, links, new Infer(kind, gate, gates[(kind, gate)])));
            }

            system.Terminate().Wait();
        }

        results.Add(centralised.GetAwaiter().GetResult());
        return (results, rounds);
    }

    private ModelWeights Federate(IActorRef server, FederatedTask task, int count, ModelWeights initial, List<RoundRecord> rounds)
    {
        var done = Ask<FederationDone>(server, new RunFederation(task, count, initial));
        foreach (var r in done.Rounds)
        {
            var metrics = r.Metrics is { } m ? Invariant($", accuracy {100 * m.Accuracy:0.00} %, F1 {100 * m.F1:0.00} %") : "";
            _progress.WriteLine(Invariant($"nmoe {_label} {task} round {r.Round}/{count}: {r.Selected.Count} clients, loss {r.MeanLoss:0.0000}{metrics}"));
        }

        rounds.AddRange(done.Rounds);
        return done.Final;
    }

    private ModelWeights RollGate(IReadOnlyList<IActorRef> clients, ExtractorKind kind, ModelWeights gate)
    {
        for (var pass = 0; pass < settings.RollGatePasses; pass++)
        {
            var losses = new List<double>();
            foreach (var client in clients)
            {
                var update = Ask<GateUpdate>(client, new RollGateTurn(kind, gate, settings.Training.Gate, settings.RollGateOwnShare));
                (gate, _) = (update.Gate, 0);
                losses.Add(update.Loss);
            }

            _progress.WriteLine(Invariant($"nmoe {_label} {kind} RollGate pass {pass + 1}/{settings.RollGatePasses}: mean loss {losses.Average():0.0000}"));
        }

        return gate;
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
        var union = Union(data.Select(d => d.Train).ToList());
        using var model = new CentralisedMoe(shape, Generator("centralised-init"));
        var options = settings.Training.Classifier with { Epochs = settings.CentralisedEpochs };
        model.Train(union, options, settings.Training.BalanceWeight, DerivedSeeds.For(seed, $"{_scope}/centralised"),
            (epoch, loss) => _progress.WriteLine(Invariant($"nmoe {_label} centralised MoE epoch {epoch + 1}/{settings.CentralisedEpochs}: loss {loss:0.0000}")));
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

    private static T[] AskAll<T>(IReadOnlyList<IActorRef> actors, object message) =>
        Task.WhenAll(actors.Select(a => a.Ask<T>(message, Patience))).GetAwaiter().GetResult();

    private static T Ask<T>(IActorRef actor, object message) => actor.Ask<T>(message, Patience).GetAwaiter().GetResult();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
