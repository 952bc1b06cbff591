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
/// the SNR sweep on actors (server, K links, K experts). Writes summary.json, routing.json and config.conf. With
/// --checkpoint-every N, a checkpoint after every N training epochs and sweep points (<see cref="ChannelAwareRun"/>).
/// </summary>
internal sealed class ChannelAwareScenario : ICheckpointingScenario
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
        reader.Require("sweep-images", !scenario.SweepOnHeldOut || scenario.ValidationImages > 0, "test while stage1-validation-images = 0", "held-out");

        // The held-out images come from the end of the training set and are never trained on, so stage 1 stops without the test set.
        var train = used.Subset(Enumerable.Range(0, used.Count - scenario.ValidationImages).ToArray());
        var validation = scenario.ValidationImages == 0 ? null : used.Subset(Enumerable.Range(used.Count - scenario.ValidationImages, scenario.ValidationImages).ToArray());
        // sweep-images = held-out measures the sweep on those held-out images, to compare settings without the test set.
        var test = scenario.SweepOnHeldOut ? validation! : First(images.Test, scenario.TestImages);
        var folder = invocation.WriteConfig();
        console.Error.WriteLine($"channel-aware: {images.Name}, {train.Count} training, {scenario.ValidationImages} held-out and {test.Count} {(scenario.SweepOnHeldOut ? "held-out sweep" : "test")} images, K = {string.Join(", ", scenario.Experts)}");
        var results = new ChannelAwareRun(scenario, run, settings.Actors.Akka, new ChannelAwareData(train, validation, test), console.Error, invocation.Checkpoints).Execute();
        var ordered = results.OrderBy(r => scenario.Modes.ToList().IndexOf(r.Mode)).ThenBy(r => r.Experts).ThenBy(r => r.SnrDb).ToList();
        ChannelAwareReport.WriteSummary(Path.Combine(folder, "summary.json"), images.Name, run.Seed, ordered);
        ChannelAwareReport.WriteRouting(Path.Combine(folder, "routing.json"), ordered);
        console.Out.Write(ChannelAwareReport.Table(ordered));
        console.Error.WriteLine($"wall time {invocation.Wall.Elapsed.TotalSeconds:0.0} s; wrote {folder}/summary.json, routing.json, config.conf");
        if (invocation.Checkpoints.Every is not null)
        {
            console.Error.WriteLine(invocation.Checkpoints.Summary(invocation.Wall.Elapsed));
        }
        return Cli.ExitCodes.Success;
    }

    private static LabeledImages First(LabeledImages images, int count) =>
        count == 0 || count >= images.Count ? images : images.Subset(Enumerable.Range(0, count).ToArray());

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
