using EdgeMoE.Actors.Nmoe;
using EdgeMoE.Host.Settings;
using EdgeMoE.Models.Moe.Federated;
using EdgeMoE.Policies.Nmoe;

namespace EdgeMoE.Host.Scenarios.Nmoe;

/// <summary>The <c>edgemoe.nmoe</c> section (hocon/nmoe.conf; every key is commented in reference.conf).</summary>
/// <param name="Clients">Clients, each with a personal expert (2..64).</param>
/// <param name="TrainPerClient">Training images per client.</param>
/// <param name="TestPerClient">Test images per client.</param>
/// <param name="Partitions">Which splits to run: <c>iid</c>, <c>non-iid</c>.</param>
/// <param name="Tau">τ of the Non-IID(τ) split.</param>
/// <param name="InverseShare">Whether the dominant class's share is 1/(1 + τ) (Table I) rather than 1 − τ (the text).</param>
/// <param name="ConvChannels">Channels of the extractor's conv blocks.</param>
/// <param name="FeatureSize">Features per sample d.</param>
/// <param name="ExpertHidden">Width of an expert's hidden layers.</param>
/// <param name="GateHidden">Hidden width of the gate (0: linear).</param>
/// <param name="Rounds">Stage-1 rounds of FedCE, FedSC and FedAvg.</param>
/// <param name="Training">How clients train in rounds.</param>
/// <param name="ExpertOptions">Stage 2, the personal experts.</param>
/// <param name="GateRounds">FedGate rounds.</param>
/// <param name="GateFraction">Fraction of the clients scheduled per FedGate round.</param>
/// <param name="RollGateOwnShare">p of RollGate.</param>
/// <param name="RollGatePasses">Passes of the RollGate gate over all clients in turn.</param>
/// <param name="CentralisedEpochs">Epochs of the centralised MoE over all clients' data.</param>
/// <param name="DropoutProbability">Probability that a client misses a round.</param>
/// <param name="Outages">Client crashes, by round.</param>
public sealed record NmoeSettings(
    int Clients,
    int TrainPerClient,
    int TestPerClient,
    IReadOnlyList<string> Partitions,
    double Tau,
    bool InverseShare,
    IReadOnlyList<int> ConvChannels,
    int FeatureSize,
    int ExpertHidden,
    int GateHidden,
    int Rounds,
    ClientTraining Training,
    LocalTrainingOptions ExpertOptions,
    int GateRounds,
    double GateFraction,
    double RollGateOwnShare,
    int RollGatePasses,
    int CentralisedEpochs,
    double DropoutProbability,
    IReadOnlyList<ClientOutage> Outages)
{
    /// <summary>The section's path under <c>edgemoe</c>.</summary>
    public const string Section = "nmoe";

    /// <summary>The partition names of the <c>partitions</c> key.</summary>
    public static readonly IReadOnlyList<string> KnownPartitions = ["iid", "non-iid"];

    /// <summary>The share of the dominant class in Non-IID(τ).</summary>
    public double DominantShare => InverseShare ? 1 / (1 + Tau) : 1 - Tau;

    /// <summary>The label of a partition in the outputs: <c>iid</c> or <c>non-iid(τ)</c>.</summary>
    public string Label(string partition) =>
        partition == "iid" ? "iid" : FormattableString.Invariant($"non-iid({Tau:0.###})");

    /// <summary>The networks' shapes for images of <paramref name="channels"/>×<paramref name="side"/>² in <paramref name="classes"/> classes.</summary>
    public NmoeShape Shape(int channels, int height, int width, int classes) =>
        new(new Models.Moe.CnnOptions(channels, height, width, ConvChannels, FeatureSize), ExpertHidden, GateHidden, classes, Clients);

    /// <summary>Reads and validates the section; a bad value throws <see cref="Cli.BadInputException"/> naming its key.</summary>
    public static NmoeSettings Read(SettingsReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var clients = r.Int("clients", min: 2, max: 64);
        var channels = r.Section.GetIntList("conv-channels");
        r.Require("conv-channels", channels.Count is >= 1 and <= 4, "a list of 1 to 4 channel counts", channels.Count);
        foreach (var c in channels)
        {
            r.Require("conv-channels", c is >= 1 and <= 512, "a list of channel counts in [1, 512]", c);
        }

        var batch = r.Int("batch-size", min: 1, max: 65536);
        var classifier = new LocalTrainingOptions(r.Int("local-epochs", min: 1, max: 1000), batch, r.GreaterThan("learning-rate", 0));
        var contrastive = new LocalTrainingOptions(r.Int("fedsc-local-epochs", min: 1, max: 1000), batch, r.GreaterThan("fedsc-learning-rate", 0));
        var gate = new LocalTrainingOptions(1, batch, r.GreaterThan("gate-learning-rate", 0), r.Int("gate-local-steps", min: 1, max: 100_000));
        var tau = r.Section.GetDouble("non-iid-tau");
        r.Require("non-iid-tau", tau is > 0 and < 1, "in (0, 1)", tau);
        return new NmoeSettings(
            Clients: clients,
            TrainPerClient: r.Int("train-per-client", min: 1, max: 100_000),
            TestPerClient: r.Int("test-per-client", min: 1, max: 100_000),
            Partitions: r.DistinctSubset("partitions", KnownPartitions),
            Tau: tau,
            InverseShare: r.OneOf("dominant-share", ["1/(1+tau)", "1-tau"]) == "1/(1+tau)",
            ConvChannels: channels,
            FeatureSize: r.Int("feature-size", min: 1, max: 4096),
            ExpertHidden: r.Int("expert-hidden", min: 1, max: 4096),
            GateHidden: r.Int("gate-hidden", min: 0, max: 4096),
            Rounds: r.Int("rounds", min: 1, max: 1000),
            Training: new ClientTraining(classifier, contrastive, gate, r.AtLeast("balance-weight", 0), r.AtLeast("fedsc-dp-noise-std", 0)),
            ExpertOptions: new LocalTrainingOptions(r.Int("expert-epochs", min: 1, max: 1000), batch, r.GreaterThan("expert-learning-rate", 0)),
            GateRounds: r.Int("gate-rounds", min: 1, max: 1000),
            GateFraction: Fraction(r, "gate-client-fraction"),
            RollGateOwnShare: Probability(r, "rollgate-own-share"),
            RollGatePasses: r.Int("rollgate-passes", min: 1, max: 1000),
            CentralisedEpochs: r.Int("centralised-epochs", min: 1, max: 1000),
            DropoutProbability: Probability(r, "dropout-probability"),
            Outages: NmoeFailures.Read(r, clients));
    }

    private static double Probability(SettingsReader r, string key)
    {
        var value = r.Section.GetDouble(key);
        r.Require(key, value is >= 0 and <= 1, "in [0, 1]", value);
        return value;
    }

    private static double Fraction(SettingsReader r, string key)
    {
        var value = r.Section.GetDouble(key);
        r.Require(key, value is > 0 and <= 1, "in (0, 1]", value);
        return value;
    }
}
