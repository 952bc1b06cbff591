using System.Collections.Concurrent;
using EdgeMoE.Host.Scenarios;
using EdgeMoE.Host.Settings;

namespace EdgeMoE.Host.Commands.Sweep;

/// <summary>
/// Token images loaded once per (data set, folder, seed) and shared by the sweep's points: the sets are immutable, and a
/// Fashion-MNIST copy per point would cost about 200 MB each.
/// </summary>
internal sealed class SharedTokenImages(TextWriter error)
{
    private readonly ConcurrentDictionary<(DatasetChoice, string, int), Lazy<TokenImages>> _loaded = new();

    /// <summary>The images of <paramref name="run"/>, loading them on first use (banners go to stderr once).</summary>
    public TokenImages For(RunSettings run)
    {
        // The synthetic set (and auto's fallback to it) depends on the seed; files on disk do not.
        var seed = run.Dataset is DatasetChoice.Synthetic or DatasetChoice.Auto ? run.Seed : 0;
        var lazy = _loaded.GetOrAdd(
            (run.Dataset, run.DataDir, seed),
            _ => new Lazy<TokenImages>(() => TokenImages.Load(run.Dataset, run.DataDir, run.Seed, error), LazyThreadSafetyMode.ExecutionAndPublication));
        return lazy.Value;
    }
}
