using EdgeMoE.Actors.Edge.Failures;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Settings;
using EdgeMoE.Models.Data.Regression;
using EdgeMoE.Policies.Mec;

namespace EdgeMoE.Host.Scenarios.Mec;

/// <summary>The <c>edgemoe.mec</c> section: the MoE-for-MEC sweep (hocon/mec.conf). Units as in reference.conf.</summary>
/// <param name="TaskFamily">synthetic (clustered linear regression) or fashion-mnist (class-subset tasks, MLP experts).</param>
/// <param name="Experts">The values of M swept, each ≥ 1.</param>
/// <param name="Seeds">Runs per (method, M): seeds run.seed, run.seed + 1, ...</param>
/// <param name="Tasks">T, tasks per run (one per step).</param>
/// <param name="Methods">Routing methods compared, from <see cref="MecMethods.All"/>.</param>
/// <param name="Stream">The synthetic task stream (N, d, s_t, σ0, σ_t, C).</param>
/// <param name="Gate">η, α, λ, Γ of the gate; <see cref="GateStopStep"/> and M are filled per run.</param>
/// <param name="GateStopStep">T1, the end of the gate's exploration rounds; null for the derived ⌈M/η⌉.</param>
/// <param name="TaskBits">Data each task carries to its server (bits).</param>
/// <param name="TaskCycles">CPU cycles of one task's training.</param>
/// <param name="StepSeconds">Time between two task arrivals (s).</param>
/// <param name="LinkRate">Range the servers' link rates are drawn from (bit/s).</param>
/// <param name="Frequency">Range the servers' CPU frequencies are drawn from (Hz).</param>
/// <param name="Distance">Range the servers' distances from the user are drawn from (m).</param>
/// <param name="ConvergenceFraction">A run converged at the first step from which G_t stays below this fraction of G_1.</param>
/// <param name="Delta">δ of the minimum number of experts M = N·M_th·ln(1/δ).</param>
/// <param name="Fashion">The Fashion-MNIST task family's settings.</param>
/// <param name="Failures">Scheduled server failures (crash-server, slow-link), slots being steps; an entry naming a server a run does not have is not in that run.</param>
public sealed record MecSettings(
    string TaskFamily,
    IReadOnlyList<int> Experts,
    int Seeds,
    int Tasks,
    IReadOnlyList<string> Methods,
    ClusteredLinearRegressionOptions Stream,
    AdaptiveGateOptions Gate,
    int? GateStopStep,
    double TaskBits,
    double TaskCycles,
    double StepSeconds,
    NumericRange LinkRate,
    NumericRange Frequency,
    NumericRange Distance,
    double ConvergenceFraction,
    double Delta,
    MecFashionSettings Fashion,
    IReadOnlyList<ScheduledFailure> Failures)
{
    /// <summary>The failures of a run with <paramref name="servers"/> servers, or null when none hits it.</summary>
    public FailureSchedule? FailuresFor(int servers)
    {
        var mine = Failures.Where(f => f.Target < servers).ToArray();
        return mine.Length == 0 ? null : new FailureSchedule(mine, servers, 1);
    }

    /// <summary>The section's path.</summary>
    public const string Section = "edgemoe.mec";

    /// <summary>Task families of <c>task-family</c>.</summary>
    public static IReadOnlyList<string> TaskFamilies { get; } = [Synthetic, FashionMnist];

    /// <summary>Clustered linear regression, linear experts.</summary>
    public const string Synthetic = "synthetic";

    /// <summary>Class subsets of Fashion-MNIST (run.dataset), MLP experts.</summary>
    public const string FashionMnist = "fashion-mnist";

    /// <summary>The longest any server can stay busy with one task, from the ranges' slowest corner (steps).</summary>
    public int LongestBusySteps => new Models.Compute.MecServer(LinkRate.Min, Frequency.Min, 0).BusySteps(TaskBits, TaskCycles, StepSeconds);

    /// <summary>T1 for a run with <paramref name="experts"/> servers: the configured step, or ⌈M/η⌉ (Algorithm 1 of arXiv 2406.16437).</summary>
    public int GateStopFor(int experts) => GateStopStep ?? (int)Math.Ceiling(experts / Gate.LearningRate);

    /// <summary>Reads and validates the section; every failure names the key and FILE:LINE (exit 2).</summary>
    public static MecSettings Read(EdgeMoE.Hocon.Config raw)
    {
        var r = new SettingsReader(raw.GetConfig(Section));
        var family = r.OneOf("task-family", TaskFamilies);
        var experts = r.Section.GetIntList("experts");
        r.Require("experts", experts.Count > 0, "a non-empty list", "[]");
        foreach (var m in experts)
        {
            r.Require("experts", m >= 1, "a list of integers >= 1", m);
        }

        r.Require("experts", experts.Distinct().Count() == experts.Count, "a list without repeats", "[" + string.Join(", ", experts) + "]");
        var clusters = r.Int("clusters", min: 1);
        var dimension = r.Int("dimension", min: 1);
        r.Require("dimension", dimension >= clusters, $">= clusters ({clusters}), so each cluster has its own feature signal", dimension);
        var sigma0 = r.GreaterThan("sigma0", 0);
        r.Require("sigma0", sigma0 < 1, "in (0, 1)", sigma0);
        var stream = new ClusteredLinearRegressionOptions
        {
            Clusters = clusters,
            Dimension = dimension,
            SamplesPerTask = r.Int("samples-per-task", min: 1),
            Sigma0 = sigma0,
            FeatureNoise = r.AtLeast("feature-noise", 0),
            SignalScale = r.GreaterThan("signal-scale", 0),
        };
        var gate = new AdaptiveGateOptions(
            Experts: 1,
            Dimension: dimension,
            LearningRate: r.GreaterThan("gate-learning-rate", 0),
            LoadBalanceWeight: r.AtLeast("load-balance-weight", 0),
            ExplorationNoise: r.AtLeast("exploration-noise", 0),
            StopStep: 0,
            StopGap: ReadGateStopGap(r),
            EveryServerLocality: ReadLocality(r));
        return new MecSettings(
            TaskFamily: family,
            Experts: experts,
            Seeds: r.Int("seeds", min: 1),
            Tasks: r.Int("tasks", min: 1),
            Methods: r.DistinctSubset("methods", MecMethods.All),
            Stream: stream,
            Gate: gate,
            GateStopStep: ReadGateStop(r),
            TaskBits: r.AtLeast("task-bits", 0),
            TaskCycles: r.AtLeast("task-cycles", 0),
            StepSeconds: r.PositiveDuration("step-duration").TotalSeconds,
            LinkRate: PositiveRange(r, "link-rate-range"),
            Frequency: PositiveRange(r, "frequency-range"),
            Distance: r.Range("distance-range", 0),
            ConvergenceFraction: Fraction(r, "convergence-fraction"),
            Delta: Fraction(r, "delta"),
            Fashion: MecFashionSettings.Read(r),
            Failures: ReadFailures(r, experts.Max()));
    }

    /// <summary>The failures list: MEC servers have no nodes, so only crash-server and slow-link apply.</summary>
    private static IReadOnlyList<ScheduledFailure> ReadFailures(SettingsReader r, int servers)
    {
        var failures = FailureEntries.Read(r.Section, servers, 1);
        for (var i = 0; i < failures.Count; i++)
        {
            if (failures[i].Kind is not (FailureKind.CrashServer or FailureKind.SlowLink))
            {
                throw new BadInputException(
                    $"{r.Section.FullPath("failures")}[{i}].kind must be crash-server or slow-link (MEC servers have no edge nodes), got {failures[i].KindName} ({r.Section.Origin("failures").FileAndLine})");
            }
        }

        return failures;
    }

    private static int? ReadGateStop(SettingsReader r)
    {
        var text = r.Section.GetString("gate-stop-step");
        if (text == "auto")
        {
            return null;
        }

        var ok = int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var step) && step >= 0;
        r.Require("gate-stop-step", ok, "auto or an integer >= 0", $"\"{text}\"");
        return step;
    }

    // never = +∞: the termination test never holds and the gate learns on every task.
    private static double ReadGateStopGap(SettingsReader r) =>
        r.Section.GetString("gate-stop-gap") == "never" ? double.PositiveInfinity : r.AtLeast("gate-stop-gap", 0);

    private static bool ReadLocality(SettingsReader r)
    {
        var text = r.Section.GetString("gate-locality");
        r.Require("gate-locality", text is "every-server" or "routed-server", "every-server or routed-server", $"\"{text}\"");
        return text == "every-server";
    }

    private static NumericRange PositiveRange(SettingsReader r, string key)
    {
        var range = r.Range(key, 0);
        r.Require(key, range.Min > 0, "a [min, max] pair with 0 < min <= max", $"[{range.Min}, {range.Max}]");
        return range;
    }

    private static double Fraction(SettingsReader r, string key)
    {
        var value = r.GreaterThan(key, 0);
        r.Require(key, value < 1, "in (0, 1)", value);
        return value;
    }
}
