using System.Collections.Concurrent;
using EdgeMoE.Host.Scenarios;
using EdgeMoE.Host.Settings;

namespace EdgeMoE.Host.Commands.Sweep;

/// <summary>
/// Token images of a sweep's points: data sets read from files are loaded once per (data set, folder) and shared, since
/// they are immutable and a Fashion-MNIST copy costs about 200 MB; the synthetic set depends on the seed and is made per
/// point, so that it is freed with the point.
/// </summary>
internal sealed class SharedTokenImages(TextWriter error)
{
    // Null: auto found no Fashion-MNIST and falls back to the synthetic set (its banner printed once).
    private readonly ConcurrentDictionary<(DatasetChoice, string), Lazy<TokenImages?>> _files = new();

    /// <summary>The images of <paramref name="run"/>.</summary>
    /// <exception cref="Cli.BadInputException">The data set's files are missing or damaged.</exception>
    public TokenImages For(RunSettings run)
    {
        if (run.Dataset == DatasetChoice.Synthetic)
        {
            return TokenImages.Load(DatasetChoice.Synthetic, run.DataDir, run.Seed, error);
        }

        var loaded = _files.GetOrAdd(
            (run.Dataset, run.DataDir),
            _ => new Lazy<TokenImages?>(() => FromFiles(run), LazyThreadSafetyMode.ExecutionAndPublication));
        return loaded.Value ?? TokenImages.Load(DatasetChoice.Synthetic, run.DataDir, run.Seed, error);
    }

    private TokenImages? FromFiles(RunSettings run)
    {
        var images = TokenImages.Load(run.Dataset, run.DataDir, run.Seed, error);
        return images.Name == TokenImages.SyntheticName ? null : images;
    }
}
