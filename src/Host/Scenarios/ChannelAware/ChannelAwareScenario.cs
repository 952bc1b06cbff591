using System.Globalization;
using Akka.Actor;
using EdgeMoE.Actors.ChannelAware;
using EdgeMoE.Host.Commands.Run;
using EdgeMoE.Host.Settings;
using EdgeMoE.Models.Data;
using EdgeMoE.Models.Moe.ChannelAware;

namespace EdgeMoE.Host.Scenarios.ChannelAware;

/// <summary>
/// Channel-aware gating (hocon/channel-aware.conf): for each K, trains F, G and the experts on ideal links (stage 1),
/// then for each link mode trains G_AW on corrupted features (stage 2) and evaluates naive and aware gating over
/// the SNR sweep on actors (server, K links, K experts). Writes summary.json, routing.json and config.conf.
/// </summary>
internal sealed class ChannelAwareScenario : IScenario
{
    public string Name => ScenarioNames.ChannelAware;

    public int Run(ScenarioInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        invocation.RequireOneProcess();
        var (settings, console) = (invocation.Settings, invocation.Console);
        var reader = new SettingsReader(settings.Raw.GetConfig("edgemoe." + ChannelAwareSettings.Section));
        var scenario = ChannelAwareSettings.Read(reader);
        var run = settings.Run;
        var images = TokenImages.Load(run.Dataset, run.DataDir, run.Seed, console.Error);
        var used = First(images.Train, scenario.TrainImages);
        reader.Require("stage1-validation-images", scenario.ValidationImages < used.Count, $"below the {used.Count} training images used", scenario.ValidationImages);

        // The held-out images come from the end of the training set and are never trained on, so stage 1 stops without the test set.
        var train = used.Subset(Enumerable.Range(0, used.Count - scenario.ValidationImages).ToArray());
        var validation = scenario.ValidationImages == 0 ? null : used.Subset(Enumerable.Range(used.Count - scenario.ValidationImages, scenario.ValidationImages).ToArray());
        var test = First(images.Test, scenario.TestImages);
        var folder = invocation.WriteConfig();
        console.Error.WriteLine($"channel-aware: {images.Name}, {train.Count} training, {scenario.ValidationImages} held-out and {test.Count} test images, K = {string.Join(", ", scenario.Experts)}");
        var results = new List<ChannelAwareResult>();
        foreach (var experts in scenario.Experts)
        {
            results.AddRange(RunExperts(experts, scenario, run, settings.Actors.Akka, train, validation, test, console.Error));
        }

        var ordered = results.OrderBy(r => scenario.Modes.ToList().IndexOf(r.Mode)).ThenBy(r => r.Experts).ThenBy(r => r.SnrDb).ToList();
        ChannelAwareReport.WriteSummary(Path.Combine(folder, "summary.json"), images.Name, run.Seed, ordered);
        ChannelAwareReport.WriteRouting(Path.Combine(folder, "routing.json"), ordered);
        console.Out.Write(ChannelAwareReport.Table(ordered));
        console.Error.WriteLine($"wall time {invocation.Wall.Elapsed.TotalSeconds:0.0} s; wrote {folder}/summary.json, routing.json, config.conf");
        return Cli.ExitCodes.Success;
    }

    private static List<ChannelAwareResult> RunExperts(
        int experts, ChannelAwareSettings scenario, RunSettings run, Akka.Configuration.Config akka, LabeledImages train, LabeledImages? validation, LabeledImages test,
        TextWriter progress)
    {
        var model = new ChannelAwareMoe(run.Seed, experts, train.Channels, train.Height, train.Width, train.Classes, scenario.ExpertHidden, scenario.GateHidden);
        TwoStageTraining.TrainIdeal(model, train, scenario.Stage1, DerivedSeeds.For(run.Seed, $"channel-aware/K{experts}/stage1"),
            (epoch, loss) => progress.WriteLine(Invariant($"K={experts} stage 1 epoch {epoch + 1} (at most {scenario.Stage1.Epochs}): loss {loss:0.0000}")),
            validation is null ? null : new ValidationStop(validation, scenario.MinGain, scenario.Patience),
            (epoch, accuracy) => progress.WriteLine(Invariant($"K={experts} stage 1 epoch {epoch + 1}: held-out accuracy {100 * accuracy:0.00} %")));
        var features = model.Features(train.Pixels, train.Count, train.Channels, train.Height, train.Width);
        var stage1Gate = model.SnapshotNaiveGate();
        if (scenario.EqualGateTraining)
        {
            TwoStageTraining.RefineNaiveGate(model, features, train.Labels, scenario.Stage2, DerivedSeeds.For(run.Seed, $"channel-aware/K{experts}/naive-gate"),
                (epoch, loss) => progress.WriteLine(Invariant($"K={experts} naive gate on ideal links epoch {epoch + 1}/{scenario.Stage2.Epochs}: loss {loss:0.0000}")));
        }

        var results = new List<ChannelAwareResult>();
        double? ideal = null;
        foreach (var mode in scenario.Modes)
        {
            var transmission = scenario.Transmission(mode);
            TwoStageTraining.TrainChannelAware(
                model, features, train.Labels, transmission, scenario.TrainingLaw, scenario.Fading, scenario.Stage2,
                DerivedSeeds.For(run.Seed, $"channel-aware/K{experts}/{mode}/stage2"),
                (epoch, loss) => progress.WriteLine(Invariant($"K={experts} {mode} stage 2 epoch {epoch + 1}/{scenario.Stage2.Epochs}: loss {loss:0.0000}")),
                stage1Gate);

            // The trained networks go to a fresh actor system per mode: its server, links and experts own them while it runs.
            using var system = EmulationActorSystem.Create("channel-aware", akka, ScenarioPlan.DispatcherThreads(run));
            var server = system.ActorOf(GateServerActor.Props(model, test, run.Seed, scenario.Fading, scenario.NoisyUplink), "server");
            ideal ??= Evaluate(server, new SweepPoint($"K{experts}/ideal", "ideal", GateKind.Ideal, transmission, 0)).Accuracy;
            foreach (var snr in scenario.SweepDb)
            {
                var key = Invariant($"K{experts}/{mode}/{snr}dB");
                var naive = Evaluate(server, new SweepPoint(key + "/naive", key, GateKind.Naive, transmission, snr));
                var aware = Evaluate(server, new SweepPoint(key + "/aware", key, GateKind.Aware, transmission, snr));
                results.Add(new ChannelAwareResult(mode, experts, snr, naive.Accuracy, aware.Accuracy, ideal.Value, naive.Chosen, aware.Chosen));
                progress.WriteLine(Invariant($"K={experts} {mode} {snr} dB: naive {100 * naive.Accuracy:0.00} %, aware {100 * aware.Accuracy:0.00} %, ideal {100 * ideal.Value:0.00} %"));
            }

            system.Terminate().Wait();
        }

        foreach (var tensor in stage1Gate.Values)
        {
            tensor.Dispose();
        }

        model.Dispose();
        return results;
    }

    private static (double Accuracy, IReadOnlyList<int> Chosen) Evaluate(IActorRef server, SweepPoint point)
    {
        var result = server.Ask<SweepPointResult>(point, TimeSpan.FromMinutes(30)).GetAwaiter().GetResult();
        return (result.Count == 0 ? 0 : (double)result.Correct / result.Count, result.Chosen);
    }

    private static LabeledImages First(LabeledImages images, int count) =>
        count == 0 || count >= images.Count ? images : images.Subset(Enumerable.Range(0, count).ToArray());

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
