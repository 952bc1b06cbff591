using System.Globalization;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Cluster;
using EdgeMoE.Host.Scenarios;
using EdgeMoE.Host.Scenarios.Jesa;
using EdgeMoE.Host.Settings;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Serialization;
using EdgeMoE.Models.Vit;

namespace EdgeMoE.Host.Commands.Run;

/// <summary>
/// JESA (hocon/jesa.conf): a MoE vision transformer split over K expert nodes (eq. 6), its hidden states crossing
/// fading device-to-device links layer by layer, each scheme (Top-k, H(z,D), JESA, LB) choosing experts and
/// subcarriers every layer round; in one process, or with expert node i and its links on edge member i mod N of a
/// cluster (--local-nodes, --seed-nodes). Trains the model first unless <c>jesa.weights</c> names one; writes layers.csv,
/// summary.json, config.conf (and model.safetensors when it trained). Its checkpoint steps are the training epochs, then
/// the emulation rounds (step = epochs + rounds done).
/// </summary>
internal sealed class JesaScenario : ICheckpointingScenario
{
    public string Name => ScenarioNames.Jesa;

    public int Run(ScenarioInvocation invocation)
    {
        var (settings, console) = (invocation.Settings, invocation.Console);
        var jesa = JesaSettings.Read(new SettingsReader(settings.Raw.GetConfig("edgemoe." + JesaSettings.Section)));
        var threads = ScenarioPlan.DispatcherThreads(settings.Run);
        // The cluster forms (or fails with exit 2) before any work or output: its edge members host the nodes and links.
        using var cluster = ClusterRun.Start(invocation.Cluster, invocation.LocalNodes, settings, threads, console.Error);
        var images = TokenImages.Load(settings.Run.Dataset, settings.Run.DataDir, settings.Run.Seed, console.Error);
        if (images.Test.Channels != 1 || images.Test.Height != images.Test.Width || images.Test.Height % 7 != 0)
        {
            throw new BadInputException($"edgemoe.run.dataset: the JESA scenario needs square single-channel images cut into 7x7 patches (Fashion-MNIST), got {images.Name}");
        }

        if (images.Test.Count < jesa.Images)
        {
            throw new BadInputException($"edgemoe.jesa.images must be <= the {images.Test.Count} test images of {images.Name}, got {jesa.Images}");
        }

        var options = new MoeVitOptions(ImageSide: images.Test.Width, Layers: jesa.Layers, Experts: jesa.Experts, Classes: images.Test.Classes);
        var folder = invocation.WriteConfig();
        var checkpoints = invocation.Checkpoints;
        var resume = checkpoints.Resume is { } loaded ? JesaCheckpoint.Read(loaded) : null;
        var weights = PrepareWeights(jesa, settings.Run.Seed, options, images, folder, console.Error, checkpoints, resume);
        var epochs = jesa.Weights.Length > 0 ? 0 : jesa.TrainingEpochs;

        // The emulation runs torch on one intra-op thread whatever the dispatcher threads, so its bytes never depend on them.
        TorchThreads.Set(1);
        using (var central = MoeVitTraining.Load(weights, options))
        {
            var accuracy = MoeVitTraining.Accuracy(central, images.Test);
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"centralised model (top-{options.TrainTopK}): test accuracy {accuracy:P2} on {images.Test.Count} images"));
        }

        console.Error.WriteLine($"emulating {jesa.Schemes.Count} schemes over {jesa.Images} test images, {jesa.Experts} nodes, {jesa.Layers} layers, M = {jesa.Subcarriers}");
        var site = cluster?.Site ?? EmulationSite.Local(settings.Actors.Akka, threads);
        var outcomes = JesaEmulation.Run(jesa, settings.Run.Seed, weights, options, images.Test, site, console.Error, RoundCheckpoints(jesa, epochs, weights, checkpoints, resume));
        JesaReport.WriteLayers(Path.Combine(folder, "layers.csv"), outcomes, jesa.Experts);
        JesaReport.WriteSummary(Path.Combine(folder, "summary.json"), outcomes, new Dictionary<string, object>
        {
            ["dataset"] = images.Name,
            ["seed"] = settings.Run.Seed,
            ["images"] = jesa.Images,
            ["subcarriers"] = jesa.Subcarriers,
            ["gamma_reading"] = jesa.DepthScaledGamma ? "depth-scaled" : "face-value",
            ["snr_reference"] = jesa.SnrAfterPathLoss ? "received" : "transmit",
        });
        console.Out.Write(Table(outcomes));
        console.Error.WriteLine($"wall time {invocation.Wall.Elapsed.TotalSeconds:0.0} s; wrote {folder}/layers.csv, summary.json, config.conf");
        if (checkpoints.Summary(invocation.Wall.Elapsed) is { Length: > 0 } summary)
        {
            console.Error.WriteLine(summary);
        }

        return ExitCodes.Success;
    }

    /// <summary>The emulation's checkpoints: after round r the step is epochs + r; a resumed emulation continues every scheme.</summary>
    private static JesaRoundCheckpoints RoundCheckpoints(JesaSettings jesa, int epochs, string weights, Checkpoints.Checkpointing checkpoints, JesaSnapshot? resume)
    {
        IReadOnlyList<EdgeMoE.Actors.Jesa.Coordination.SchemeProgress>? progress = null;
        if (resume?.Schemes is { } schemes)
        {
            var labels = jesa.Schemes.Select(s => s.Label).ToList();
            if (!schemes.Select(s => s.Label).SequenceEqual(labels))
            {
                throw new BadInputException($"{Path.Combine(checkpoints.Resume!.Dir, "state.bin")}: the checkpoint holds schemes {string.Join(", ", schemes.Select(s => s.Label))}, the run has {string.Join(", ", labels)}");
            }

            progress = [.. schemes.Select(s => s.Progress)];
        }

        if (checkpoints.Every is null)
        {
            return JesaRoundCheckpoints.None with { Resume = progress };
        }

        var model = File.ReadAllBytes(weights);
        return new JesaRoundCheckpoints(progress, rounds => checkpoints.IsDue(epochs + rounds), (rounds, done) =>
        {
            IReadOnlyList<Checkpoints.CheckpointPart> parts;
            using (checkpoints.Measure())
            {
                parts = JesaCheckpoint.Parts(model, [.. done.Select((p, s) => (jesa.Schemes[s].Label, p))]);
            }

            checkpoints.Save(epochs + rounds, parts);
        });
    }

    private static string PrepareWeights(
        JesaSettings jesa, int seed, MoeVitOptions options, TokenImages images, string folder, TextWriter progress, Checkpoints.Checkpointing checkpoints, JesaSnapshot? resume)
    {
        if (jesa.Weights.Length > 0)
        {
            if (!File.Exists(jesa.Weights))
            {
                throw new BadInputException($"edgemoe.jesa.weights: no file {jesa.Weights}");
            }

            try
            {
                MoeVitTraining.Load(jesa.Weights, options).Dispose();
            }
            catch (InvalidDataException e)
            {
                throw new BadInputException($"edgemoe.jesa.weights: {e.Message}", e);
            }

            if (resume?.Model is { } model && !File.ReadAllBytes(jesa.Weights).AsSpan().SequenceEqual(model))
            {
                throw new BadInputException($"edgemoe.jesa.weights: {jesa.Weights} changed since the checkpoint {checkpoints.Resume!.Dir} was written");
            }

            return jesa.Weights;
        }

        var path = Path.Combine(folder, "model.safetensors");
        if (resume?.Model is { } trained)
        {
            // Training was over when the checkpoint was written: its weights are the file the first run saved.
            File.WriteAllBytes(path, trained);
            return path;
        }

        TorchThreads.Set(jesa.TrainingThreads);
        progress.WriteLine($"training the MoE-ViT: {jesa.TrainingEpochs} epochs on {images.Train.Count} {images.Name} images, {jesa.TrainingThreads} torch threads");
        void EpochDone(int epoch, Func<MoeVitTrainingState> capture)
        {
            if (checkpoints.IsDue(epoch))
            {
                IReadOnlyList<Checkpoints.CheckpointPart> parts;
                using (checkpoints.Measure())
                {
                    parts = JesaCheckpoint.Parts(capture());
                }

                checkpoints.Save(epoch, parts);
            }
        }

        using var network = MoeVitTraining.Train(
            images.Train, options, jesa.TrainingEpochs, jesa.TrainingBatch, jesa.TrainingLearningRate, seed, progress.WriteLine, resume?.Training, EpochDone);
        SafeTensors.Save(path, network);
        return path;
    }

    private static string Table(IReadOnlyList<EdgeMoE.Actors.Jesa.Coordination.SchemeOutcome> outcomes)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine("scheme           accuracy  energy/token (J)  relative to top-2");
        foreach (var o in outcomes)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{o.Label,-16} {o.Accuracy,8:P2}  {JesaReport.EnergyPerToken(o),16:G5}  {JesaReport.Relative(o, outcomes),17:F3}"));
        }

        return text.ToString();
    }
}
