using EdgeMoE.Models.Wireless.Distortion;

namespace EdgeMoE.Actors.ChannelAware;

/// <summary>Which gate routes a sweep point, and over which links.</summary>
public enum GateKind
{
    /// <summary>The naive gate G(z) over ideal links (the reference accuracy).</summary>
    Ideal,

    /// <summary>The naive gate G(z) over the noisy links.</summary>
    Naive,

    /// <summary>The channel-aware gate G_AW(z ‖ σ̃) over the noisy links.</summary>
    Aware,
}

/// <summary>Host → server: classify the test set once with <paramref name="Gate"/> at one point of the SNR sweep.</summary>
/// <param name="Round">Unique name of this evaluation (seeds every link's noise for it).</param>
/// <param name="ChannelKey">Seeds the per-sample fading of every link: naive and aware at one point share it.</param>
/// <param name="Gate">The gate and links.</param>
/// <param name="Transmission">How features cross a downlink (ignored by <see cref="GateKind.Ideal"/>).</param>
/// <param name="MeanSnrDb">Mean SNR of every link (dB).</param>
public sealed record SweepPoint(string Round, string ChannelKey, GateKind Gate, IHiddenStateTransmission Transmission, double MeanSnrDb);

/// <summary>Server → host: the outcome of a <see cref="SweepPoint"/>.</summary>
/// <param name="Round">The point's round.</param>
/// <param name="Correct">Test samples classified correctly.</param>
/// <param name="Count">Test samples.</param>
/// <param name="Chosen">Samples routed to each expert (length K).</param>
public sealed record SweepPointResult(string Round, int Correct, int Count, IReadOnlyList<int> Chosen);

/// <summary>Server → link k: the samples routed to expert k, their features and each sample's instantaneous downlink SNR.</summary>
/// <param name="Round">The evaluation round.</param>
/// <param name="Samples">Test-set indices, ascending.</param>
/// <param name="Features">Their features, [samples, 84] row-major (the link copies before distorting).</param>
/// <param name="Snrs">Instantaneous linear downlink SNR of each sample; empty for an ideal link.</param>
/// <param name="Transmission">How the link carries features; null for an ideal link.</param>
/// <param name="MeanSnrDb">Mean SNR of the link (dB), for a noisy uplink.</param>
public sealed record DownlinkBatch(
    string Round, IReadOnlyList<int> Samples, IReadOnlyList<float> Features, IReadOnlyList<double> Snrs, IHiddenStateTransmission? Transmission, double MeanSnrDb);

/// <summary>Link k → expert k: the features as received.</summary>
/// <param name="Round">The evaluation round.</param>
/// <param name="Samples">Test-set indices.</param>
/// <param name="Features">Received features, [samples, 84] row-major.</param>
public sealed record ExpertInput(string Round, IReadOnlyList<int> Samples, IReadOnlyList<float> Features);

/// <summary>Expert k → link k: the expert's logits.</summary>
/// <param name="Round">The evaluation round.</param>
/// <param name="Samples">Test-set indices.</param>
/// <param name="Logits">[samples, classes] row-major.</param>
public sealed record ExpertOutput(string Round, IReadOnlyList<int> Samples, IReadOnlyList<float> Logits);

/// <summary>Link k → server: expert k's logits after the uplink.</summary>
/// <param name="Round">The evaluation round.</param>
/// <param name="Expert">k.</param>
/// <param name="Samples">Test-set indices.</param>
/// <param name="Logits">[samples, classes] row-major.</param>
public sealed record UplinkOutput(string Round, int Expert, IReadOnlyList<int> Samples, IReadOnlyList<float> Logits);
