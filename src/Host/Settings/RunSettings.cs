namespace EdgeMoE.Host.Settings;

/// <summary>The <c>edgemoe.run</c> section: how one <c>edgemoe run</c> behaves.</summary>
/// <param name="Scenario">Which scenario the file describes, one of <see cref="ScenarioNames.All"/>.</param>
/// <param name="Seed">Master random seed.</param>
/// <param name="Slots">Number of time slots to emulate (&gt; 0).</param>
/// <param name="Policy">A policy name from <see cref="StableMoeSettings.Policies"/>'s vocabulary, or <c>all</c>.</param>
/// <param name="OutputDir">Folder for metrics.csv, summary.json and config.conf.</param>
/// <param name="Dataset">Which token images to use.</param>
/// <param name="DataDir">Folder of the Fashion-MNIST IDX files, or of the CIFAR binary files.</param>
/// <param name="Threads">Dispatcher worker threads shared by the policies running at once; 0 means one per core.</param>
/// <param name="ConcurrentPolicies">Policies emulated at the same time, each in its own actor system; 0 means one per core.</param>
/// <param name="StallTimeout">Real (wall-clock) time a policy's run may go without finishing a slot before it is stopped as stalled.</param>
public sealed record RunSettings(
    string Scenario, int Seed, int Slots, string Policy, string OutputDir, DatasetChoice Dataset, string DataDir, int Threads, int ConcurrentPolicies,
    TimeSpan StallTimeout)
{
    public const string Section = "run";

    /// <summary>Runs every policy of the scenario's list.</summary>
    public const string AllPolicies = "all";

    internal static RunSettings Read(SettingsReader r) => new(
        Scenario: r.OneOf("scenario", ScenarioNames.All),
        Seed: r.Int("seed"),
        Slots: r.Int("slots", min: 1),
        Policy: r.OneOf("policy", [.. StableMoeSettings.KnownPolicies, AllPolicies]),
        OutputDir: r.NonEmptyString("output-dir"),
        Dataset: r.OneOf("dataset", ["auto", "fashion-mnist", "synthetic", "cifar-10", "cifar-100"]) switch
        {
            "fashion-mnist" => DatasetChoice.FashionMnist,
            "cifar-10" => DatasetChoice.Cifar10,
            "cifar-100" => DatasetChoice.Cifar100,
            "synthetic" => DatasetChoice.Synthetic,
            _ => DatasetChoice.Auto,
        },
        DataDir: r.NonEmptyString("data-dir"),
        Threads: r.Int("threads", min: 0),
        ConcurrentPolicies: r.Int("concurrent-policies", min: 0),
        StallTimeout: r.PositiveDuration("stall-timeout"));
}
