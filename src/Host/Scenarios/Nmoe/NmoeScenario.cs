using EdgeMoE.Host.Commands.Run;
using EdgeMoE.Host.Settings;
using EdgeMoE.Policies.Nmoe;

namespace EdgeMoE.Host.Scenarios.Nmoe;

/// <summary>
/// Federated networked MoE (hocon/nmoe.conf; paper: networked-moe-federated-learning): for each partition, clients learn
/// a shared extractor (FedCE, FedSC), personal experts and gates (FedGate, RollGate, RanGate), then infer serverless;
/// baselines FedAvg, local classifiers and a centralised MoE. Writes rounds.csv, gating.csv, summary.json and config.conf.
/// </summary>
internal sealed class NmoeScenario : IScenario
{
    public string Name => ScenarioNames.Nmoe;

    public int Run(ScenarioInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        invocation.RequireOneProcess();
        var (settings, console) = (invocation.Settings, invocation.Console);
        var scenario = NmoeSettings.Read(new SettingsReader(settings.Raw.GetConfig("edgemoe." + NmoeSettings.Section)));
        var run = settings.Run;
        var images = TokenImages.Load(run.Dataset, run.DataDir, run.Seed, console.Error);
        var folder = invocation.WriteConfig();
        console.Error.WriteLine($"nmoe: {images.Name}, {scenario.Clients} clients x {scenario.TrainPerClient} training / {scenario.TestPerClient} test images, partitions {string.Join(", ", scenario.Partitions.Select(scenario.Label))}");

        // One dropout table for the run: a client out of round t is out of round t of every federated process.
        var participation = new Participation(
            scenario.Clients, Math.Max(scenario.Rounds, scenario.GateRounds), scenario.DropoutProbability, scenario.Outages, DerivedSeeds.For(run.Seed, "nmoe/dropout"));
        var results = new List<NmoeMethodResult>();
        var rounds = new List<(string, Participation, IReadOnlyList<Actors.Nmoe.RoundRecord>)>();
        foreach (var partition in scenario.Partitions)
        {
            var data = NmoeDataSplit.Make(scenario, partition, images.Train, images.Test, run.Seed);
            var (partitionResults, partitionRounds) = new NmoePartitionRun(
                scenario, partition, data, run.Seed, settings.Actors.Akka, ScenarioPlan.DispatcherThreads(run), console.Error).Run(participation);
            results.AddRange(partitionResults);
            rounds.Add((scenario.Label(partition), participation, partitionRounds));
        }

        NmoeReport.WriteRounds(Path.Combine(folder, "rounds.csv"), rounds);
        NmoeReport.WriteGating(Path.Combine(folder, "gating.csv"), results);
        NmoeReport.WriteSummary(Path.Combine(folder, "summary.json"), images.Name, run.Seed, scenario, results);
        console.Out.Write(NmoeReport.Table(results));
        console.Error.WriteLine($"wall time {invocation.Wall.Elapsed.TotalSeconds:0.0} s; wrote {folder}/rounds.csv, gating.csv, summary.json, config.conf");
        return Cli.ExitCodes.Success;
    }
}
