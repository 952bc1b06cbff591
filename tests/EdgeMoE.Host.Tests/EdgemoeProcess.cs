using System.Diagnostics;

namespace EdgeMoE.Host.Tests;

/// <summary>
/// Runs the built <c>edgemoe</c> command as its own process, for measurements that must not share the test host's
/// thread pool and heap with other tests.
/// </summary>
internal static class EdgemoeProcess
{
    public static (int ExitCode, string Out, string Error) Run(TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "edgemoe.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start edgemoe");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"edgemoe {string.Join(' ', args)} did not finish within {timeout}");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
