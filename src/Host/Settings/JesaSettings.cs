using EdgeMoE.Host.Scenarios.Jesa;

namespace EdgeMoE.Host.Settings;

/// <summary>The <c>edgemoe.jesa</c> section: the DMoE emulation of the JESA paper (§III, §VII), every ambiguity read explicitly.</summary>
/// <param name="Weights">safetensors file of a trained MoE-ViT, or empty to train one first (saved with the run).</param>
/// <param name="Images">Test images to classify, a multiple of <paramref name="Experts"/>.</param>
/// <param name="Experts">K, expert nodes (the model's experts per layer).</param>
/// <param name="Layers">L, transformer layers.</param>
/// <param name="Subcarriers">M, OFDMA subcarriers.</param>
/// <param name="SubcarrierSpacingHz">B0, Hz.</param>
/// <param name="TransmitPowerW">P0, W per subcarrier.</param>
/// <param name="SnrDb">P0/N0 in dB.</param>
/// <param name="SnrAfterPathLoss">False: P0/N0 is the ratio before path loss (N0 = P0 / 10^(snr/10)); true: the mean received SNR.</param>
/// <param name="PathLoss">Mean power gain of the Rayleigh fading.</param>
/// <param name="HiddenStateBits">s0, bits per hidden state.</param>
/// <param name="ComputeEnergyStepJ">a_j = j · step, J per hidden state (j from 1).</param>
/// <param name="DepthScaledGamma">False: γ^(l) = γ0^l; true: γ^(l) = (γ0^(ReferenceDepth/L))^l.</param>
/// <param name="ReferenceDepth">Layers of the paper's model (Mixtral: 32) for the depth-scaled reading.</param>
/// <param name="Schemes">The schemes to compare, in report order.</param>
/// <param name="TrainingEpochs">Epochs when training first.</param>
/// <param name="TrainingBatch">Mini-batch when training first.</param>
/// <param name="TrainingLearningRate">Adam's learning rate when training first.</param>
/// <param name="TrainingThreads">torch threads while training (the emulation always uses 1); weights depend on it.</param>
public sealed record JesaSettings(
    string Weights,
    int Images,
    int Experts,
    int Layers,
    int Subcarriers,
    double SubcarrierSpacingHz,
    double TransmitPowerW,
    double SnrDb,
    bool SnrAfterPathLoss,
    double PathLoss,
    double HiddenStateBits,
    double ComputeEnergyStepJ,
    bool DepthScaledGamma,
    int ReferenceDepth,
    IReadOnlyList<SchemeSpec> Schemes,
    int TrainingEpochs,
    int TrainingBatch,
    double TrainingLearningRate,
    int TrainingThreads)
{
    public const string Section = "jesa";

    /// <summary>N0, W, from the SNR reading.</summary>
    public double NoiseW => TransmitPowerW * (SnrAfterPathLoss ? PathLoss : 1) / Models.Wireless.Decibels.ToLinear(SnrDb);

    /// <summary>Reads and validates the section; every failure names its key (exit 2).</summary>
    internal static JesaSettings Read(SettingsReader r)
    {
        var experts = r.Int("experts", min: 1, max: 64);
        var images = r.Int("images", min: 1);
        r.Require("images", images % experts == 0, $"a multiple of experts = {experts} (one query per node per round)", images);
        var schemes = r.Section.GetStringList("schemes");
        r.Require("schemes", schemes.Count > 0, "a non-empty list", "[]");
        var parsed = new List<SchemeSpec>();
        foreach (var label in schemes)
        {
            var spec = SchemeSpec.TryParse(label, experts, out var why);
            r.Require("schemes", spec is not null, $"a list of top-k, h(z,D), jesa(gamma0,D), lb(gamma0,D) labels ({why})", $"\"{label}\"");
            r.Require("schemes", parsed.All(p => p.Label != spec!.Label), "a list without repeats", $"\"{label}\" twice");
            parsed.Add(spec!);
        }

        r.Require("schemes", parsed.Any(p => p.Label == "top-2") || experts < 2, "a list containing top-2 (energies are relative to it)", string.Join(", ", schemes));
        return new JesaSettings(
            Weights: r.Section.GetString("weights"),
            Images: images,
            Experts: experts,
            Layers: r.Int("layers", min: 1, max: 64),
            Subcarriers: r.Int("subcarriers", min: 1),
            SubcarrierSpacingHz: r.GreaterThan("subcarrier-spacing", 0),
            TransmitPowerW: r.GreaterThan("transmit-power", 0),
            SnrDb: FiniteNumber(r, "snr-db"),
            SnrAfterPathLoss: r.OneOf("snr-reference", ["transmit", "received"]) == "received",
            PathLoss: r.GreaterThan("path-loss", 0),
            HiddenStateBits: r.GreaterThan("hidden-state-bits", 0),
            ComputeEnergyStepJ: r.GreaterThan("compute-energy-step", 0),
            DepthScaledGamma: r.OneOf("gamma-reading", ["face-value", "depth-scaled"]) == "depth-scaled",
            ReferenceDepth: r.Int("reference-depth", min: 1),
            Schemes: parsed,
            TrainingEpochs: r.Int("training-epochs", min: 1),
            TrainingBatch: r.Int("training-batch-size", min: 1),
            TrainingLearningRate: r.GreaterThan("training-learning-rate", 0),
            TrainingThreads: r.Int("training-threads", min: 1, max: 256));
    }

    private static double FiniteNumber(SettingsReader r, string key)
    {
        var value = r.Section.GetDouble(key);
        r.Require(key, double.IsFinite(value), "a finite number", value);
        return value;
    }
}
