using EdgeMoE.Policies.Baselines;

namespace EdgeMoE.Host.Settings;

/// <summary>The <c>edgemoe.stable-moe</c> section: the Stable-MoE edge network (paper section IV).</summary>
/// <param name="Servers">Edge servers J, one expert each (&gt;= 1).</param>
/// <param name="ExpertsPerToken">K, experts per token (1..Servers).</param>
/// <param name="SlotLength">Slot duration tau (&gt; 0).</param>
/// <param name="ArrivalRate">Poisson mean lambda of tokens per slot (&gt; 0).</param>
/// <param name="SwitchedCapacitance">xi_j, J/(cycle·Hz²) (&gt; 0).</param>
/// <param name="MaxFrequencyHz">f_max in Hz (&gt; 0).</param>
/// <param name="CyclesPerToken">c, CPU cycles per token (&gt; 0).</param>
/// <param name="EnergyMaxRange">Range of the per-slot energy caps E_max_j in joules.</param>
/// <param name="EnergyAvgRange">Range of the average energy budgets E_avg_j in joules.</param>
/// <param name="V">Lyapunov trade-off parameter (&gt; 0).</param>
/// <param name="Mu">Weight of gating consistency (&gt;= 0).</param>
/// <param name="GateLearningRate">Adam learning rate of the gating network (&gt; 0).</param>
/// <param name="ExpertLearningRate">Adam learning rate of the experts (&gt; 0).</param>
/// <param name="TestEvalInterval">Slots between test-accuracy evaluations (&gt;= 1).</param>
/// <param name="Policies">Policies run by <c>run.policy = all</c>, distinct, in report order.</param>
/// <param name="BaselineFrequency">How the baselines A–D set CPU frequencies (<c>baseline-frequency</c>).</param>
/// <param name="Cells">Independent cells of the network, each a router, its policy and <paramref name="Servers"/> servers (&gt;= 1).</param>
public sealed record StableMoeSettings(
    int Servers,
    int ExpertsPerToken,
    TimeSpan SlotLength,
    double ArrivalRate,
    double SwitchedCapacitance,
    double MaxFrequencyHz,
    double CyclesPerToken,
    NumericRange EnergyMaxRange,
    NumericRange EnergyAvgRange,
    double V,
    double Mu,
    double GateLearningRate,
    double ExpertLearningRate,
    int TestEvalInterval,
    IReadOnlyList<string> Policies,
    BaselineFrequencyMode BaselineFrequency = BaselineFrequencyMode.Budgeted,
    int Cells = 1)
{
    public const string Section = "stable-moe";

    /// <summary>The most cells a scenario may declare (100,000 servers at the paper's J = 10).</summary>
    public const int MaxCells = 10_000;

    /// <summary>Every routing policy name the emulator knows (as in <c>edgemoe solve</c>).</summary>
    public static readonly IReadOnlyList<string> KnownPolicies =
        ["stable-moe", "random", "top-k", "queue-aware", "queue-aware-greedy", "energy-aware", "energy-aware-greedy"];

    internal static StableMoeSettings Read(SettingsReader r)
    {
        var servers = r.Int("servers", min: 1);
        return new StableMoeSettings(
            Servers: servers,
            ExpertsPerToken: r.Int("experts-per-token", min: 1, max: servers),
            SlotLength: r.PositiveDuration("slot-length"),
            ArrivalRate: r.GreaterThan("arrival-rate", 0),
            SwitchedCapacitance: r.GreaterThan("switched-capacitance", 0),
            MaxFrequencyHz: r.GreaterThan("max-frequency", 0),
            CyclesPerToken: r.GreaterThan("cycles-per-token", 0),
            EnergyMaxRange: r.Range("energy-max-range", lowerBound: 0),
            EnergyAvgRange: r.Range("energy-avg-range", lowerBound: 0),
            V: r.GreaterThan("v", 0),
            Mu: r.AtLeast("mu", 0),
            GateLearningRate: r.GreaterThan("gate-learning-rate", 0),
            ExpertLearningRate: r.GreaterThan("expert-learning-rate", 0),
            TestEvalInterval: r.Int("test-eval-interval", min: 1),
            Policies: r.DistinctSubset("policies", KnownPolicies),
            BaselineFrequency: BaselineFrequencyModes.Parse(r.OneOf("baseline-frequency", BaselineFrequencyModes.Names))!.Value,
            Cells: r.Int("cells", min: 1, max: MaxCells));
    }
}
