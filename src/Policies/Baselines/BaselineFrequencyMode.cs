namespace EdgeMoE.Policies.Baselines;

/// <summary>
/// How the baselines A–D set CPU frequencies. The paper describes them as routing rules only, so the reading is
/// a setting (<c>edgemoe.stable-moe.baseline-frequency</c>); see <see cref="BaselineFrequency"/> for each rule.
/// </summary>
public enum BaselineFrequencyMode
{
    /// <summary><c>budgeted</c>: the energy-optimal rule of <see cref="BudgetedFrequency"/> (the strongest baseline).</summary>
    Budgeted,

    /// <summary><c>p1</c>: Stable-MoE's own frequency step (the frequency part of P1) given the baseline's routing.</summary>
    P1,

    /// <summary><c>max-feasible</c>: the highest frequency ≤ f_max whose slot energy stays within E_max.</summary>
    MaxFeasible,

    /// <summary><c>fixed-max</c>: f_max, and the server stops computing once the slot's energy reaches E_max.</summary>
    FixedMax,
}

/// <summary>The command-line and configuration names of <see cref="BaselineFrequencyMode"/>.</summary>
public static class BaselineFrequencyModes
{
    /// <summary>Every mode's name, in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["budgeted", "p1", "max-feasible", "fixed-max"];

    /// <summary>The configuration name of <paramref name="mode"/>, e.g. <c>fixed-max</c>.</summary>
    public static string Name(this BaselineFrequencyMode mode) => Names[(int)mode];

    /// <summary>The mode called <paramref name="name"/>, or null.</summary>
    public static BaselineFrequencyMode? Parse(string name)
    {
        var index = Names.ToList().IndexOf(name);
        return index < 0 ? null : (BaselineFrequencyMode)index;
    }
}
