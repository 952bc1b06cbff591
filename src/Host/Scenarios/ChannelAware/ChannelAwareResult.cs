namespace EdgeMoE.Host.Scenarios.ChannelAware;

/// <summary>Accuracies of one (mode, K, mean SNR) point of the sweep, as fractions in [0, 1].</summary>
/// <param name="Mode">analog or digital.</param>
/// <param name="Experts">K.</param>
/// <param name="SnrDb">Mean link SNR (dB).</param>
/// <param name="Naive">Accuracy of the naive gate over the noisy links.</param>
/// <param name="Aware">Accuracy of the channel-aware gate over the noisy links.</param>
/// <param name="Ideal">Accuracy of the naive gate over ideal links.</param>
/// <param name="NaiveChosen">Test samples the naive gate sent to each expert.</param>
/// <param name="AwareChosen">Test samples the channel-aware gate sent to each expert.</param>
public sealed record ChannelAwareResult(
    string Mode, int Experts, double SnrDb, double Naive, double Aware, double Ideal, IReadOnlyList<int> NaiveChosen, IReadOnlyList<int> AwareChosen);
