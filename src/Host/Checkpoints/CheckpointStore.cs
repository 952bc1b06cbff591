using System.Globalization;
using System.Security.Cryptography;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Checkpoints;

/// <summary>
/// The checkpoints of one run, in runDir/checkpoints/step-NNNNNNNN/: written into a .tmp- folder, flushed, then renamed
/// at once, so a kill at any moment leaves either the whole checkpoint or none; the newest two are kept.
/// </summary>
/// <param name="runDir">The run's output folder (it holds config.conf).</param>
public sealed class CheckpointStore(string runDir)
{
    private const string Prefix = "step-";
    private const string TemporaryPrefix = ".tmp-";

    /// <summary>The scenario that writes and reads them (recorded in the manifest and checked on load; empty: not checked).</summary>
    public string Scenario { get; init; } = "";

    /// <summary>The interval the run was asked for (recorded in the manifest, so that a resumed run keeps it).</summary>
    public int Every { get; init; }

    /// <summary>The run's output folder.</summary>
    public string RunDir => runDir;

    // The parts of the last checkpoint this store wrote: a part given again (the same array) is linked, not rewritten.
    private Dictionary<string, (byte[] Bytes, string Sha256, string File)> _lastWritten = new(StringComparer.Ordinal);

    /// <summary>runDir/checkpoints.</summary>
    public string Folder { get; } = Path.Combine(runDir, "checkpoints");

    /// <summary>The folder name of step <paramref name="step"/>'s checkpoint.</summary>
    public static string NameOf(long step) => Prefix + step.ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>Writes the checkpoint of <paramref name="step"/> and deletes all but the newest two.</summary>
    /// <returns>The checkpoint's folder.</returns>
    public string Write(long step, IReadOnlyList<CheckpointPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        Directory.CreateDirectory(Folder);
        RemoveLeftovers();
        var temporary = Path.Combine(Folder, TemporaryPrefix + step.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(temporary);
        var entries = new List<CheckpointManifest.Entry>();
        foreach (var part in parts)
        {
            if (part.Name.Length == 0 || part.Name == CheckpointManifest.FileName || part.Name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')))
            {
                throw new ArgumentException($"checkpoint part name \"{part.Name}\" is not a plain file name", nameof(parts));
            }

            var target = Path.Combine(temporary, part.Name);
            string sha;
            if (_lastWritten.TryGetValue(part.Name, out var last) && ReferenceEquals(last.Bytes, part.Bytes) && HardLink.TryCreate(last.File, target))
            {
                sha = last.Sha256;
            }
            else
            {
                WriteFlushed(target, part.Bytes);
                sha = Hex(SHA256.HashData(part.Bytes));
            }

            entries.Add(new CheckpointManifest.Entry(part.Name, part.Bytes.LongLength, sha));
        }

        var manifest = new CheckpointManifest(CheckpointManifest.CurrentFormat, Scenario, ConfigHash(), step, Every, entries);
        WriteFlushed(Path.Combine(temporary, CheckpointManifest.FileName), manifest.ToJson());
        var final = Path.Combine(Folder, NameOf(step));
        if (Directory.Exists(final))
        {
            // A resumed run passes the step it resumed from again: the same state, written anew. The old folder is
            // renamed away first, so a kill never leaves a half-deleted checkpoint under the step's name (at worst the
            // step is absent and the one before it is the newest).
            var replaced = Path.Combine(Folder, TemporaryPrefix + "replaced-" + step.ToString(CultureInfo.InvariantCulture));
            Directory.Move(final, replaced);
            Directory.Move(temporary, final);
            Directory.Delete(replaced, recursive: true);
        }
        else
        {
            Directory.Move(temporary, final);
        }
        _lastWritten = parts.Zip(entries).ToDictionary(
            p => p.First.Name, p => (p.First.Bytes, p.Second.Sha256, Path.Combine(final, p.First.Name)), StringComparer.Ordinal);
        foreach (var old in Checkpoints().Skip(2))
        {
            Directory.Delete(old.Dir, recursive: true);
        }

        return final;
    }

    /// <summary>The newest checkpoint, verified.</summary>
    /// <exception cref="BadInputException">There is none, or the newest is bad (an older valid one is offered, never taken silently).</exception>
    public LoadedCheckpoint LoadNewest()
    {
        var newest = Checkpoints().Select(c => c.Dir).FirstOrDefault()
            ?? throw new BadInputException($"{Folder}: no checkpoint to resume from (run with --checkpoint-every N first)");
        return Load(newest);
    }

    /// <summary>The checkpoint in <paramref name="checkpointDir"/>, verified against its manifest and runDir/config.conf.</summary>
    /// <exception cref="BadInputException">It is missing, truncated, altered, of an unknown format or written for another config.</exception>
    public LoadedCheckpoint Load(string checkpointDir)
    {
        try
        {
            return Verify(checkpointDir);
        }
        catch (BadInputException bad)
        {
            var full = Path.GetFullPath(checkpointDir);
            var older = Checkpoints()
                .Where(c => !string.Equals(Path.GetFullPath(c.Dir), full, StringComparison.Ordinal) && c.Step < StepOf(checkpointDir))
                .Select(c => c.Dir)
                .FirstOrDefault(IsValid);
            throw older is null
                ? bad
                : new BadInputException($"{bad.Message}; the older checkpoint {Path.GetFileName(older)} is valid: edgemoe run --resume {older}", bad);
        }
    }

    /// <summary>The finished checkpoints, newest first (leftover .tmp- folders are not checkpoints).</summary>
    internal IEnumerable<(long Step, string Dir)> Checkpoints()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return Directory.EnumerateDirectories(Folder, Prefix + "*")
            .Select(dir => (Step: StepOf(dir), Dir: dir))
            .Where(c => c.Step >= 0)
            .OrderByDescending(c => c.Step)
            .ToArray();
    }

    private static long StepOf(string dir) =>
        Path.GetFileName(Path.TrimEndingDirectorySeparator(dir)) is { } name && name.StartsWith(Prefix, StringComparison.Ordinal)
        && long.TryParse(name.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var step)
            ? step
            : long.MaxValue;

    private bool IsValid(string dir)
    {
        try
        {
            Verify(dir);
            return true;
        }
        catch (BadInputException)
        {
            return false;
        }
    }

    private LoadedCheckpoint Verify(string dir)
    {
        var manifestFile = Path.Combine(dir, CheckpointManifest.FileName);
        if (!File.Exists(manifestFile))
        {
            throw new BadInputException($"{manifestFile}: missing, {dir} is not a checkpoint");
        }

        var manifest = CheckpointManifest.Parse(File.ReadAllBytes(manifestFile));
        if (manifest is null || manifest.Format != CheckpointManifest.CurrentFormat)
        {
            var format = manifest is null ? "unreadable" : $"format {manifest.Format}";
            throw new BadInputException($"{manifestFile}: unknown format ({format}; this edgemoe reads format {CheckpointManifest.CurrentFormat})");
        }

        if (Scenario.Length > 0 && manifest.Scenario != Scenario)
        {
            throw new BadInputException($"{manifestFile}: written by scenario {manifest.Scenario}, not {Scenario}");
        }

        var config = ConfigHash();
        if (!string.Equals(manifest.ConfigSha256, config, StringComparison.OrdinalIgnoreCase))
        {
            throw new BadInputException($"{manifestFile}: written for another config (config_sha256 {manifest.ConfigSha256}, but {Path.Combine(runDir, "config.conf")} hashes to {config})");
        }

        var parts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in manifest.Parts)
        {
            var file = Path.Combine(dir, entry.Name);
            if (entry.Name.Contains('/', StringComparison.Ordinal) || entry.Name.Contains('\\', StringComparison.Ordinal) || !File.Exists(file))
            {
                throw new BadInputException($"{file}: missing from the checkpoint its manifest describes");
            }

            var bytes = File.ReadAllBytes(file);
            if (bytes.LongLength != entry.Bytes)
            {
                throw new BadInputException($"{file}: truncated: {bytes.LongLength} of {entry.Bytes} bytes");
            }

            if (!string.Equals(Hex(SHA256.HashData(bytes)), entry.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new BadInputException($"{file}: hash mismatch (SHA-256 differs from the manifest's): the file was altered");
            }

            parts[entry.Name] = bytes;
        }

        return new LoadedCheckpoint(manifest.Step, dir, parts) { Every = manifest.Every };
    }

    private string ConfigHash()
    {
        var config = Path.Combine(runDir, "config.conf");
        if (!File.Exists(config))
        {
            throw new BadInputException($"{config}: missing; a checkpoint belongs to the run folder whose config.conf it was written for");
        }

        return Hex(SHA256.HashData(File.ReadAllBytes(config)));
    }

    /// <summary>Deletes every checkpoint (and leftover) of the folder.</summary>
    public void RemoveAll()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private void RemoveLeftovers()
    {
        foreach (var leftover in Directory.EnumerateDirectories(Folder, TemporaryPrefix + "*"))
        {
            // A checkpoint being written when the run was killed: never renamed, so never a checkpoint.
            Directory.Delete(leftover, recursive: true);
        }
    }

    private static void WriteFlushed(string path, byte[] bytes)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.None);
        file.Write(bytes);
        file.Flush(flushToDisk: true);
    }

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
