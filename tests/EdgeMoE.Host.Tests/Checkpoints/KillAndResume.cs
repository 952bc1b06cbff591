using System.Diagnostics;

namespace EdgeMoE.Host.Tests.Checkpoints;

/// <summary>
/// The CLI test pattern of checkpoints: <c>edgemoe run ... --checkpoint-every N</c> as a child process, killed with
/// SIGKILL once a checkpoint appeared, then <c>edgemoe run --resume DIR</c> (killed and resumed again as often as
/// asked); the finished folder must equal an uninterrupted run's byte for byte, checkpoints/ aside. Both runs write
/// to <see cref="Output"/> inside their own working folder, so even config.conf (which names the folder) compares.
/// </summary>
internal static class KillAndResume
{
    /// <summary>The output folder of every run, relative to its working folder.</summary>
    public const string Output = "out";

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>The newest checkpoint folder of the run in <paramref name="output"/> (step names sort by step).</summary>
    public static string NewestCheckpoint(string output) =>
        Directory.EnumerateDirectories(Path.Combine(output, "checkpoints")).Order(StringComparer.Ordinal).Last();

    /// <summary>Runs <paramref name="run"/> uninterrupted, without checkpoints, into <paramref name="workingFolder"/>/out.</summary>
    /// <param name="run">The run's arguments without <c>--out</c>, e.g. <c>run FILE --no-report</c> (absolute file paths).</param>
    /// <param name="workingFolder">The run's working folder.</param>
    /// <returns>The output folder.</returns>
    public static string Uninterrupted(string[] run, string workingFolder)
    {
        var (exit, _, error) = EdgemoeProcess.RunIn(workingFolder, Patience, [.. run, "--out", Output]);
        Assert.True(exit == 0, $"the uninterrupted run failed ({exit}):\n{error}");
        return Path.Combine(workingFolder, Output);
    }

    /// <summary>
    /// Runs <paramref name="run"/> with <c>--checkpoint-every <paramref name="every"/></c> into <paramref name="workingFolder"/>/out,
    /// SIGKILLs it after its first checkpoint, resumes it <paramref name="kills"/> times (each resume but the last killed
    /// again after a newer checkpoint), and returns the last resume's stderr.
    /// </summary>
    /// <param name="run">The run's arguments without <c>--out</c>.</param>
    /// <param name="workingFolder">The runs' working folder.</param>
    /// <param name="every">Slots (rounds) between checkpoints.</param>
    /// <param name="kills">How many times the run is killed (≥ 1).</param>
    /// <param name="resumeExtra">Options given again with --resume (e.g. --local-nodes 3 --no-report).</param>
    /// <param name="killing">Called with each process just before it is killed (e.g. to note its child processes).</param>
    public static string KilledAndResumed(string[] run, string workingFolder, int every, int kills, string[] resumeExtra, Action<Process>? killing = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kills);
        var resumed = Path.Combine(workingFolder, Output);
        var args = (string[])[.. run, "--out", Output, "--checkpoint-every", every.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        long seen = -1;
        for (var k = 0; k < kills; k++)
        {
            using var process = EdgemoeProcess.StartIn(workingFolder, args);
            var error = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            seen = AwaitNewerCheckpoint(resumed, seen, process, error);
            if (process.HasExited)
            {
                Assert.Fail($"the run ended before it could be killed; make it longer:\n{Ended(process, error)}");
            }

            killing?.Invoke(process);
            process.Kill(); // SIGKILL on Linux: mid-slot, wherever it was
            process.WaitForExit();
            args = ["run", "--resume", Output, .. resumeExtra];
        }

        var (exit, _, last) = EdgemoeProcess.RunIn(workingFolder, Patience, args);
        Assert.True(exit == 0, $"the resumed run failed ({exit}):\n{last}");
        return last;
    }

    /// <summary>
    /// Runs <paramref name="run"/> uninterrupted and, in another folder, killed after its first checkpoint and resumed
    /// (<see cref="KilledAndResumed"/>, once), then asserts both wrote the same files; returns the resume's stderr.
    /// </summary>
    /// <param name="run">The run's arguments without <c>--out</c>.</param>
    /// <param name="folder">A folder for both runs.</param>
    /// <param name="every">Slots between checkpoints.</param>
    /// <param name="resumeExtra">Options given again with --resume.</param>
    /// <returns>The reference run's output folder and the resume's stderr.</returns>
    public static (string Reference, string Closing) MatchesUninterrupted(string[] run, string folder, int every, string[] resumeExtra)
    {
        var reference = Uninterrupted(run, Directory.CreateDirectory(Path.Combine(folder, "reference")).FullName);
        var work = Directory.CreateDirectory(Path.Combine(folder, "resumed")).FullName;
        var closing = KilledAndResumed(run, work, every, kills: 1, resumeExtra);
        Assert.Contains("resuming out from out/checkpoints/step-", closing);
        AssertSameFiles(reference, Path.Combine(work, Output));
        return (reference, closing);
    }

    /// <summary>Asserts that both folders hold the same files with the same bytes, checkpoints/ aside.</summary>
    public static void AssertSameFiles(string expected, string actual)
    {
        var want = Files(expected);
        var got = Files(actual);
        Assert.Equal(want.Keys.Order(StringComparer.Ordinal), got.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, path) in want)
        {
            var a = File.ReadAllBytes(path);
            var b = File.ReadAllBytes(got[name]);
            if (!a.AsSpan().SequenceEqual(b))
            {
                // The line-by-line comparison runs only for a file that differs.
                Assert.Fail($"{name} differs from the uninterrupted run's ({a.Length} against {b.Length} bytes){FirstDifference(a, b)}");
            }
        }
    }

    /// <summary>Where two text files part: the first differing line of each, so that a failure names the slot and column.</summary>
    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        var want = System.Text.Encoding.UTF8.GetString(expected).Split('\n');
        var got = System.Text.Encoding.UTF8.GetString(actual).Split('\n');
        var differing = Enumerable.Range(0, Math.Min(want.Length, got.Length)).Where(i => want[i] != got[i]).ToArray();
        if (differing.Length == 0)
        {
            return $"; the shorter one ends at line {Math.Min(want.Length, got.Length)}";
        }

        var first = differing[0];
        return $"; {differing.Length} lines differ, the first is line {first + 1}:\n  uninterrupted: {want[first]}\n  resumed:       {got[first]}" +
            $"\n  header:        {want[0]}";
    }

    private static Dictionary<string, string> Files(string folder) => Directory
        .EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Select(f => (Name: Path.GetRelativePath(folder, f), Path: f))
        .Where(f => !f.Name.StartsWith("checkpoints" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        .ToDictionary(f => f.Name, f => f.Path, StringComparer.Ordinal);

    /// <summary>Waits for a checkpoint newer than step <paramref name="after"/>; returns its step.</summary>
    private static long AwaitNewerCheckpoint(string runDir, long after, Process process, Task<string> error)
    {
        var folder = Path.Combine(runDir, "checkpoints");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            if (Directory.Exists(folder))
            {
                var newest = Directory.EnumerateDirectories(folder, "step-*")
                    .Select(d => long.TryParse(Path.GetFileName(d).AsSpan(5), out var step) ? step : -1)
                    .DefaultIfEmpty(-1)
                    .Max();
                if (newest > after)
                {
                    return newest;
                }
            }

            if (process.HasExited)
            {
                Assert.Fail($"the run ended before writing a checkpoint after step {after}:\n{Ended(process, error)}");
            }

            Thread.Sleep(10);
        }

        throw new TimeoutException($"no checkpoint after step {after} appeared in {folder} within {Patience}");
    }

    private static string Ended(Process process, Task<string> error)
    {
        process.WaitForExit();
        return $"exit {process.ExitCode}\n{error.GetAwaiter().GetResult()}";
    }
}
