using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Checkpoints;

namespace EdgeMoE.Host.Commands.Run;

/// <summary>What <c>--resume DIR</c> points at: a run folder (its newest checkpoint) or one checkpoint inside it.</summary>
/// <param name="RunDir">The run's output folder, holding config.conf.</param>
/// <param name="CheckpointDir">The one checkpoint asked for, or null for the newest.</param>
internal sealed record ResumeTarget(string RunDir, string? CheckpointDir)
{
    /// <summary>The run folder's config.conf, exactly as the first run wrote it.</summary>
    public string ConfigFile => Path.Combine(RunDir, "config.conf");

    /// <summary>Reads <paramref name="dir"/>: DIR or DIR/checkpoints/step-NNNNNNNN.</summary>
    /// <exception cref="BadInputException">No such folder, or no config.conf in its run folder.</exception>
    public static ResumeTarget Of(string dir)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(dir);
        if (!Directory.Exists(trimmed))
        {
            throw new BadInputException($"{Checkpointing.ResumeOption}: no folder {dir}");
        }

        var parent = Path.GetDirectoryName(Path.GetFullPath(trimmed));
        var target = Path.GetFileName(parent) == "checkpoints" && Path.GetFileName(trimmed).StartsWith("step-", StringComparison.Ordinal)
            ? new ResumeTarget(Path.GetDirectoryName(Path.GetDirectoryName(trimmed) ?? ".") is { Length: > 0 } run ? run : ".", trimmed)
            : new ResumeTarget(trimmed, null);
        if (!File.Exists(target.ConfigFile))
        {
            throw new BadInputException($"{Checkpointing.ResumeOption}: {target.ConfigFile} is missing; give the folder of a run started with {Checkpointing.EveryOption}");
        }

        return target;
    }
}
