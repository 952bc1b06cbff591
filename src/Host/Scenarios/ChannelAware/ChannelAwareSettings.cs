using EdgeMoE.Host.Settings;
using EdgeMoE.Models.Moe.ChannelAware;
using EdgeMoE.Models.Wireless;
using EdgeMoE.Models.Wireless.Distortion;

namespace EdgeMoE.Host.Scenarios.ChannelAware;

/// <summary>The <c>edgemoe.channel-aware</c> section (hocon/channel-aware.conf; every key is commented in reference.conf).</summary>
/// <param name="Experts">Values of K to run, each ≥ 1, distinct.</param>
/// <param name="Modes">Link modes to run: analog, digital.</param>
/// <param name="SweepDb">Mean link SNRs of the evaluation sweep (dB).</param>
/// <param name="TrainingLaw">Law of a link's mean SNR per sample in stage 2.</param>
/// <param name="Fading">Per-sample block fading of every link.</param>
/// <param name="NoisyUplink">Whether expert outputs cross the link back with distortion (false: ideal uplink).</param>
/// <param name="Digital">The digital link (b bits, modulation, outage threshold).</param>
/// <param name="ExpertHidden">Hidden width of each expert MLP.</param>
/// <param name="GateHidden">Hidden width of both gates (0: linear).</param>
/// <param name="Stage1">Stage 1 hyperparameters.</param>
/// <param name="Stage2">Stage 2 hyperparameters.</param>
/// <param name="TrainImages">Training images used (0: all).</param>
/// <param name="TestImages">Test images used (0: all).</param>
/// <param name="EqualGateTraining">Whether G also trains alone on ideal links for stage 2's epochs (<c>naive-gate = equal-training</c>).</param>
/// <param name="ValidationImages">Training images held out (from the end of the used training set) to stop stage 1 (0: stage 1 runs all its epochs).</param>
/// <param name="MinGain">Smallest held-out accuracy gain over the best so far that counts as stage 1 progress (a fraction).</param>
/// <param name="Patience">Epochs in a row without progress that stop stage 1.</param>
/// <param name="SweepOnHeldOut">Whether the sweep and the ideal accuracy are measured on the held-out training images instead of the test set (<c>sweep-images = held-out</c>).</param>
/// <param name="Stage1Loss">The task loss of stage 1: the dense mixture likelihood or Switch's top-1 cross-entropy.</param>
/// <param name="KeepBestStage1">Whether stage 1 ends with the weights of its best held-out epoch (<c>stage1-weights = best</c>) rather than its last.</param>
/// <param name="RateDrops">Learning-rate drops stage 1 makes at a held-out stall before a stall stops it.</param>
/// <param name="RateFactor">What each drop multiplies stage 1's learning rate by.</param>
public sealed record ChannelAwareSettings(
    IReadOnlyList<int> Experts,
    IReadOnlyList<string> Modes,
    IReadOnlyList<double> SweepDb,
    SnrLaw TrainingLaw,
    BlockFading Fading,
    bool NoisyUplink,
    DigitalTransmission Digital,
    int ExpertHidden,
    int GateHidden,
    TrainingOptions Stage1,
    TrainingOptions Stage2,
    int TrainImages,
    int TestImages,
    bool EqualGateTraining,
    int ValidationImages,
    double MinGain,
    int Patience,
    bool SweepOnHeldOut,
    Stage1Loss Stage1Loss,
    bool KeepBestStage1,
    int RateDrops,
    double RateFactor)
{
    /// <summary>The section's path under <c>edgemoe</c>.</summary>
    public const string Section = "channel-aware";

    /// <summary>Link modes.</summary>
    public static readonly IReadOnlyList<string> KnownModes = ["analog", "digital"];

    private static readonly IReadOnlyDictionary<string, Modulation> Modulations = new Dictionary<string, Modulation>
    {
        ["bpsk"] = Modulation.Bpsk,
        ["qpsk"] = Modulation.Qpsk,
        ["qam16"] = Modulation.Qam16,
    };

    /// <summary>The transmission of <paramref name="mode"/>.</summary>
    public IHiddenStateTransmission Transmission(string mode) => mode == "analog" ? new AnalogTransmission() : Digital;

    /// <summary>Reads and validates the section; a bad value throws <see cref="Cli.BadInputException"/> naming its key.</summary>
    public static ChannelAwareSettings Read(SettingsReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var experts = r.Section.GetIntList("experts");
        r.Require("experts", experts.Count > 0, "a non-empty list", "[]");
        foreach (var k in experts)
        {
            r.Require("experts", k is >= 1 and <= 64, "a list of expert counts in [1, 64]", k);
        }

        r.Require("experts", experts.Distinct().Count() == experts.Count, "a list without repeats", "[" + string.Join(", ", experts) + "]");
        var sweep = r.Section.GetDoubleList("snr-sweep-db");
        r.Require("snr-sweep-db", sweep.Count > 0, "a non-empty list", "[]");
        foreach (var s in sweep)
        {
            r.Require("snr-sweep-db", s is >= -30 and <= 60, "a list of SNRs in [-30, 60] dB", s);
        }

        var law = r.Range("training-snr-db", lowerBound: -30);
        r.Require("training-snr-db", law.Max <= 60, "a [min, max] pair within [-30, 60] dB", law.Max);
        var outage = r.Section.GetDouble("digital-outage-threshold-db");
        r.Require("digital-outage-threshold-db", outage is >= -200 and <= 60, "in [-200, 60] dB", outage);
        return new ChannelAwareSettings(
            Experts: experts,
            Modes: r.DistinctSubset("modes", KnownModes),
            SweepDb: sweep,
            TrainingLaw: new SnrLaw(law.Min, law.Max),
            Fading: new BlockFading(r.OneOf("fading", ["rayleigh", "none"]) == "rayleigh"),
            NoisyUplink: r.OneOf("uplink", ["ideal", "noisy"]) == "noisy",
            Digital: new DigitalTransmission(
                r.Int("digital-bits", min: 1, max: 24), Modulations[r.OneOf("digital-modulation", Modulations.Keys.ToArray())], Decibels.ToLinear(outage)),
            ExpertHidden: r.Int("expert-hidden", min: 1, max: 4096),
            GateHidden: r.Int("gate-hidden", min: 0, max: 4096),
            Stage1: Stage(r, "stage1"),
            Stage2: Stage(r, "stage2"),
            TrainImages: r.Int("train-images", min: 0),
            TestImages: r.Int("test-images", min: 0),
            EqualGateTraining: r.OneOf("naive-gate", ["equal-training", "stage1"]) == "equal-training",
            ValidationImages: r.Int("stage1-validation-images", min: 0),
            MinGain: r.AtLeast("stage1-min-gain", 0) / 100,
            Patience: r.Int("stage1-patience", min: 1, max: 1000),
            SweepOnHeldOut: r.OneOf("sweep-images", ["test", "held-out"]) == "held-out",
            Stage1Loss: r.OneOf("stage1-loss", ["mixture", "switch"]) == "switch" ? Stage1Loss.Switch : Stage1Loss.Mixture,
            KeepBestStage1: r.OneOf("stage1-weights", ["best", "last"]) == "best",
            RateDrops: r.Int("stage1-learning-rate-drops", min: 0, max: 10),
            RateFactor: Stage1RateFactor(r));
    }

    private static double Stage1RateFactor(SettingsReader r)
    {
        var factor = r.GreaterThan("stage1-learning-rate-factor", 0);
        r.Require("stage1-learning-rate-factor", factor < 1, "in (0, 1)", factor);
        return factor;
    }

    private static TrainingOptions Stage(SettingsReader r, string stage) => new(
        r.Int($"{stage}-epochs", min: 1, max: 1000),
        r.Int("batch-size", min: 1, max: 65536),
        r.GreaterThan($"{stage}-learning-rate", 0),
        r.AtLeast("balance-weight", 0));
}
