using EdgeMoE.Actors.Edge.Channels;
using EdgeMoE.Actors.Edge.Clock;
using EdgeMoE.Actors.Edge.Failures;
using EdgeMoE.Actors.Edge.Policy;
using EdgeMoE.Actors.Edge.Routing;
using EdgeMoE.Actors.Edge.Servers;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Settings;
using EdgeMoE.Models.Compute;
using EdgeMoE.Models.Moe;
using EdgeMoE.Models.Wireless.Channel;

namespace EdgeMoE.Host.Scenarios;

/// <summary>
/// Everything a Stable-MoE run needs, derived from the settings once and shared by every policy of the run, so that
/// the policies meet identical servers, budgets, links, arrivals and initial weights.
/// </summary>
/// <param name="Seed">Run seed (actor generators derive from it and the actor's stable name).</param>
/// <param name="Threads">Dispatcher threads.</param>
/// <param name="Akka">Akka configuration the run's actor systems fall back to (the dispatcher is set per run from <paramref name="Threads"/>).</param>
/// <param name="ArrivalRate">λ.</param>
/// <param name="Schedule">Slots, τ, evaluation interval.</param>
/// <param name="Parameters">V, μ, K and server profiles for the policy.</param>
/// <param name="Servers">Per server: profile, expert shape, outages.</param>
/// <param name="Router">Gate and test set.</param>
/// <param name="Links">Per server, its link.</param>
/// <param name="Images">Token and test images.</param>
/// <param name="StallTimeout">Wall-clock time a run may go without finishing a slot before it is stopped as stalled.</param>
/// <param name="Failures">Scheduled failures of every cell; null for none.</param>
public sealed record ScenarioPlan(
    int Seed, int Threads, Akka.Configuration.Config Akka, double ArrivalRate, SlotSchedule Schedule, SlotParameters Parameters,
    IReadOnlyList<ExpertServerSettings> Servers, RouterSettings Router, IReadOnlyList<LinkSettings> Links, TokenImages Images,
    TimeSpan StallTimeout, FailureSchedule? Failures = null)
{
    /// <summary>Builds the plan; energy budgets E_max_j, E_avg_j and the evaluation subset are drawn from the seed.</summary>
    /// <exception cref="BadInputException">Settings that cannot make a network (e.g. fewer subcarriers than servers).</exception>
    public static ScenarioPlan From(EdgeMoeSettings settings, TokenImages images)
    {
        var run = settings.Run;
        var moe = settings.StableMoe;
        var section = settings.Raw.GetConfig("edgemoe");
        var model = StableMoeModelSettings.Read(new SettingsReader(section.GetConfig(StableMoeSettings.Section)), moe.Servers);
        var wireless = WirelessLinkSettings.Read(new SettingsReader(section.GetConfig(WirelessLinkSettings.Section)), moe.SlotLength.TotalSeconds);
        if (wireless.Subcarriers < moe.Servers)
        {
            throw new BadInputException($"edgemoe.wireless.subcarriers ({wireless.Subcarriers}) must be at least edgemoe.stable-moe.servers ({moe.Servers}): each link needs a subcarrier");
        }

        var budgets = DerivedSeeds.For(run.Seed, "energy-budgets");
        var profiles = new ServerProfile[moe.Servers];
        for (var j = 0; j < profiles.Length; j++)
        {
            var max = Uniform(budgets, moe.EnergyMaxRange);
            var average = Uniform(budgets, moe.EnergyAvgRange);
            profiles[j] = new ServerProfile(moe.CyclesPerToken, moe.SwitchedCapacitance, moe.SlotLength.TotalSeconds, moe.MaxFrequencyHz, max, average);
        }

        var train = images.Train;
        var network = new CnnOptions(train.Channels, train.Height, train.Width, model.ExpertChannels, model.ExpertFeatures);
        try
        {
            network.Validate();
        }
        catch (ArgumentException e)
        {
            throw new BadInputException($"edgemoe.stable-moe.expert-channels: {e.Message}");
        }

        var servers = Enumerable.Range(0, moe.Servers).Select(j => new ExpertServerSettings(
            j, profiles[j], network, train.Classes, (float)moe.ExpertLearningRate,
            [.. model.Outages.Where(o => o.Server == j).Select(o => new OutageWindow(o.FromSlot, o.ToSlot))])).ToArray();

        var subset = Enumerable.Range(0, images.Test.Count).ToArray();
        DerivedSeeds.For(run.Seed, "evaluation-subset").Shuffle(subset);
        var chosen = subset[..Math.Min(model.TestEvalSubset, subset.Length)];
        Array.Sort(chosen);
        var router = new RouterSettings(moe.Servers, moe.ExpertsPerToken, model.GateHidden, (float)moe.GateLearningRate, images.Test, chosen);

        var failures = new FailureSchedule(model.Failures, moe.Servers, model.Nodes);
        if (!failures.IsEmpty && moe.Cells > 1)
        {
            throw new BadInputException($"edgemoe.stable-moe.failures: scheduled failures need one cell, but edgemoe.stable-moe.cells = {moe.Cells}");
        }

        var budget = new OfdmaLinkBudget(wireless.SpacingHz, wireless.PowerW, wireless.NoiseW);
        var links = Enumerable.Range(0, moe.Servers).Select(j => new LinkSettings(
            (wireless.Subcarriers / moe.Servers) + (j < wireless.Subcarriers % moe.Servers ? 1 : 0),
            budget, wireless.MeanGain, wireless.Fading, wireless.Transmission, Slowdowns(failures, j))).ToArray();

        return new ScenarioPlan(
            run.Seed, DispatcherThreads(run), settings.Actors.Akka, moe.ArrivalRate,
            new SlotSchedule(run.Slots, moe.SlotLength, moe.TestEvalInterval),
            new SlotParameters(moe.V, moe.Mu, moe.ExpertsPerToken, profiles), servers, router, links, images, run.StallTimeout,
            failures.IsEmpty ? null : failures);
    }

    /// <summary>The slow-link windows of server <paramref name="server"/>'s link; null when it has none.</summary>
    private static RateWindow[]? Slowdowns(FailureSchedule failures, int server)
    {
        var windows = failures.Failures
            .Where(f => f.Kind == FailureKind.SlowLink && f.Target == server)
            .Select(f => new RateWindow(f.FromSlot, f.UntilSlot ?? long.MaxValue, f.RateFactor))
            .ToArray();
        return windows.Length == 0 ? null : windows;
    }

    /// <summary>Dispatcher threads of a run: <c>edgemoe.run.threads</c>, 0 meaning one per core.</summary>
    public static int DispatcherThreads(RunSettings run) => run.Threads == 0 ? Environment.ProcessorCount : run.Threads;

    private static double Uniform(Random random, NumericRange range) => range.Min + (random.NextDouble() * (range.Max - range.Min));
}
