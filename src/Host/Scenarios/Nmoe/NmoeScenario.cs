using EdgeMoE.Host.Checkpoints;
using EdgeMoE.Host.Commands.Run;
using EdgeMoE.Host.Settings;
using EdgeMoE.Policies.Nmoe;

namespace EdgeMoE.Host.Scenarios.Nmoe;

/// <summary>
/// Federated networked MoE (hocon/nmoe.conf; paper: networked-moe-federated-learning): for each partition, clients learn
/// a shared extractor (FedCE, FedSC), personal experts and gates (FedGate, RollGate, RanGate), then infer serverless;
/// baselines FedAvg, local classifiers and a centralised MoE. In one process, or with client c and its link on edge member
/// c mod N of a cluster (--local-nodes, --seed-nodes), with the same files. Writes rounds.csv, gating.csv, summary.json
/// and config.conf.
/// </summary>
internal sealed class NmoeScenario : ICheckpointingScenario
{
    public string Name => ScenarioNames.Nmoe;

    public int Run(ScenarioInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var (settings, console) = (invocation.Settings, invocation.Console);
        var scenario = NmoeSettings.Read(new SettingsReader(settings.Raw.GetConfig("edgemoe." + NmoeSettings.Section)));
        var run = settings.Run;
        var threads = ScenarioPlan.DispatcherThreads(run);
        // The cluster forms (or fails with exit 2) before any work or output: its edge members host the clients and links.
        using var cluster = Cluster.ClusterRun.Start(invocation.Cluster, invocation.LocalNodes, settings, threads, console.Error);
        var site = cluster?.Site ?? EmulationSite.Local(settings.Actors.Akka, threads);
        var images = TokenImages.Load(run.Dataset, run.DataDir, run.Seed, console.Error);
        var folder = invocation.WriteConfig();
        console.Error.WriteLine($"nmoe: {images.Name}, {scenario.Clients} clients x {scenario.TrainPerClient} training / {scenario.TestPerClient} test images, partitions {string.Join(", ", scenario.Partitions.Select(scenario.Label))}");

        // One dropout table for the run: a client out of round t is out of round t of every federated process.
        var participation = new Participation(
            scenario.Clients, Math.Max(scenario.Rounds, scenario.GateRounds), scenario.DropoutProbability, scenario.Outages, DerivedSeeds.For(run.Seed, "nmoe/dropout"));
        var checkpoints = invocation.Checkpoints;
        var resume = checkpoints.Resume is { } loaded ? NmoeCheckpoint.Read(loaded) : null;
        var steps = new NmoeSteps(checkpoints, checkpoints.Resume?.Step ?? 0);
        var done = new List<(IReadOnlyList<NmoeMethodResult> Results, IReadOnlyList<Actors.Nmoe.RoundRecord> Rounds)>(resume?.Done ?? []);
        for (var p = done.Count; p < scenario.Partitions.Count; p++)
        {
            var (index, partition) = (p, scenario.Partitions[p]);
            var data = NmoeDataSplit.Make(scenario, partition, images.Train, images.Test, run.Seed);
            var current = resume is not null && p == resume.Partition ? resume : null;
            if (current is not null)
            {
                CheckSplit(checkpoints.Resume!, current, data);
                steps.Current = current.PartitionFirstStep;
            }

            var firstStep = steps.Current;
            void Save(long step, Func<NmoePartitionState> capture)
            {
                IReadOnlyList<CheckpointPart> parts;
                using (checkpoints.Measure())
                {
                    parts = NmoeCheckpoint.Parts(new NmoeSnapshot(index, firstStep, [.. done], [.. data.Select(d => d.Train.Labels)], capture()));
                }

                checkpoints.Save(step, parts);
            }

            done.Add(new NmoePartitionRun(scenario, partition, data, run.Seed, site, console.Error, steps)
                .Run(participation, current?.Current, Save));
        }

        var results = done.SelectMany(d => d.Results).ToList();
        var rounds = done.Select((d, p) => (scenario.Label(scenario.Partitions[p]), participation, d.Rounds)).ToList();
        NmoeReport.WriteRounds(Path.Combine(folder, "rounds.csv"), rounds);
        NmoeReport.WriteGating(Path.Combine(folder, "gating.csv"), results);
        NmoeReport.WriteSummary(Path.Combine(folder, "summary.json"), images.Name, run.Seed, scenario, results);
        console.Out.Write(NmoeReport.Table(results));
        console.Error.WriteLine($"wall time {invocation.Wall.Elapsed.TotalSeconds:0.0} s; wrote {folder}/rounds.csv, gating.csv, summary.json, config.conf");
        if (checkpoints.Summary(invocation.Wall.Elapsed) is { Length: > 0 } summary)
        {
            console.Error.WriteLine(summary);
        }

        return Cli.ExitCodes.Success;
    }

    /// <summary>A resumed run must split the data as the checkpointed run did (same data set files, same code).</summary>
    private static void CheckSplit(LoadedCheckpoint checkpoint, NmoeSnapshot snapshot, IReadOnlyList<Models.Moe.Federated.ClientDataSplit> data)
    {
        if (snapshot.TrainLabels.Count != data.Count || snapshot.TrainLabels.Where((labels, c) => !labels.AsSpan().SequenceEqual(data[c].Train.Labels)).Any())
        {
            throw new Cli.BadInputException($"{Path.Combine(checkpoint.Dir, "state.bin")}: the clients' data differ from the checkpointed run's (was the data set changed?)");
        }
    }
}
