using Xunit.Abstractions;

[assembly: TestCollectionOrderer("EdgeMoE.Host.Tests.LongestCollectionFirst", "EdgeMoE.Host.Tests")]

namespace EdgeMoE.Host.Tests;

/// <summary>
/// Starts the longest chain of the parallel phase first: <see cref="TorchThreadCount"/>'s tests run one after another
/// (about two minutes here) while the other classes share the second core. xUnit's default order started it about 50 s
/// after the others, and the parallel phase then lasted that much longer. The rest keep a stable order by name; the
/// collections that disable parallelisation still run alone, after the parallel phase.
/// </summary>
public sealed class LongestCollectionFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => c.DisplayName == TorchThreadCount.Name ? 0 : 1)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
