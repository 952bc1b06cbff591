namespace EdgeMoE.Host.Scenarios.Mec;

/// <summary>One run of the sweep: a routing method with M servers under one seed.</summary>
/// <param name="Method">moe, nearest, most-powerful or random.</param>
/// <param name="Experts">M, servers (one expert each).</param>
/// <param name="Seed">The run's seed.</param>
public sealed record MecRunKey(string Method, int Experts, int Seed)
{
    /// <summary>Every run of <paramref name="settings"/>, in the order of the output files: M, then seed, then method.</summary>
    public static IReadOnlyList<MecRunKey> All(MecSettings settings, int firstSeed) =>
        [.. from m in settings.Experts
            from k in Enumerable.Range(0, settings.Seeds)
            from method in settings.Methods
            select new MecRunKey(method, m, firstSeed + k)];
}
