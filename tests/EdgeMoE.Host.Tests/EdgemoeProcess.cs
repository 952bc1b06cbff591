using System.Diagnostics;

namespace EdgeMoE.Host.Tests;

/// <summary>
/// Runs the built <c>edgemoe</c> command as its own process, for measurements that must not share the test host's
/// thread pool and heap with other tests, and for commands that start processes of their own. It runs the Host
/// project's own build output (same configuration as the tests), which carries libtorch's natives as the shipped
/// command does; the copy beside the tests does not (tests load libtorch from the NuGet cache).
/// </summary>
internal static class EdgemoeProcess
{
    /// <summary>src/Host/bin/CONFIGURATION/net10.0/edgemoe.dll, CONFIGURATION being the tests' own.</summary>
    public static string Command { get; } = Path.Combine(
        RepositoryFiles.Root, "src", "Host", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "edgemoe.dll");

    /// <summary>Starts edgemoe with <paramref name="args"/> and returns at once; stdout and stderr are redirected.</summary>
    public static Process Start(params string[] args) => StartIn(null, args);

    /// <summary>Starts edgemoe in <paramref name="workingDirectory"/> (null: the tests' own) and returns at once.</summary>
    public static Process StartIn(string? workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        start.ArgumentList.Add(Command);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start edgemoe");
    }

    public static (int ExitCode, string Out, string Error) Run(TimeSpan timeout, params string[] args) => RunIn(null, timeout, args);

    /// <summary>Runs edgemoe in <paramref name="workingDirectory"/> (null: the tests' own) to its end.</summary>
    public static (int ExitCode, string Out, string Error) RunIn(string? workingDirectory, TimeSpan timeout, params string[] args)
    {
        using var process = StartIn(workingDirectory, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"edgemoe {string.Join(' ', args)} did not finish within {timeout}; the end of its stderr:\n{Tail(error.Result, 80)}");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The last <paramref name="lines"/> lines of <paramref name="text"/>: what a hung run said last.</summary>
    public static string Tail(string text, int lines)
    {
        var all = text.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }
}
