namespace EdgeMoE.Hocon.Resolution;

/// <summary>Raised inside the resolver when a value is needed while it is being resolved; turned into a
/// <see cref="HoconException"/> (or a missing value for <c>${?...}</c>) by the substitution that hit it.</summary>
internal sealed class SubstitutionCycleException(string path) : Exception($"cycle through '{path}'")
{
    public string Path { get; } = path;
}
