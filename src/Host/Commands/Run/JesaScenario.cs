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
/// summary.json, config.conf (and model.safetensors when it trained).
/// </summary>
internal sealed class JesaScenario : IScenario
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
        var weights = PrepareWeights(jesa, settings.Run.Seed, options, images, folder, console.Error);

        // The emulation runs torch on one intra-op thread whatever the dispatcher threads, so its bytes never depend on them.
        TorchThreads.Set(1);
        using (var central = MoeVitTraining.Load(weights, options))
        {
            var accuracy = MoeVitTraining.Accuracy(central, images.Test);
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"centralised model (top-{options.TrainTopK}): test accuracy {accuracy:P2} on {images.Test.Count} images"));
        }

        console.Error.WriteLine($"emulating {jesa.Schemes.Count} schemes over {jesa.Images} test images, {jesa.Experts} nodes, {jesa.Layers} layers, M = {jesa.Subcarriers}");
        var site = cluster?.Site ?? EmulationSite.Local(settings.Actors.Akka, threads);
        var outcomes = JesaEmulation.Run(jesa, settings.Run.Seed, weights, options, images.Test, site, console.Error);
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
        return ExitCodes.Success;
    }

    private static string PrepareWeights(JesaSettings jesa, int seed, MoeVitOptions options, TokenImages images, string folder, TextWriter progress)
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

            return jesa.Weights;
        }

        TorchThreads.Set(jesa.TrainingThreads);
        progress.WriteLine($"training the MoE-ViT: {jesa.TrainingEpochs} epochs on {images.Train.Count} {images.Name} images, {jesa.TrainingThreads} torch threads");
        using var model = MoeVitTraining.Train(images.Train, options, jesa.TrainingEpochs, jesa.TrainingBatch, jesa.TrainingLearningRate, seed, progress.WriteLine);
        var path = Path.Combine(folder, "model.safetensors");
        SafeTensors.Save(path, model);
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
