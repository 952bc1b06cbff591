namespace EdgeMoE.Host.Settings;

/// <summary>A closed interval [Min, Max] from which a per-server value is drawn uniformly.</summary>
public sealed record NumericRange(double Min, double Max);
