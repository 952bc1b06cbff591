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
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "edgemoe.dll"));
        return Run(start, timeout, args);
    }

    /// <summary>
    /// Runs src/Host's own build of edgemoe (this test build's configuration). Its native libraries lie beside it, so
    /// the edge-node processes it starts itself (--local-nodes) load libtorch, which a copy in the test folder cannot.
    /// </summary>
    public static (int ExitCode, string Out, string Error) RunHostBuild(TimeSpan timeout, params string[] args)
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var apphost = Path.Combine(RepositoryFiles.Root, "src", "Host", "bin", configuration, framework.Name, "edgemoe");
        return Run(new ProcessStartInfo(apphost), timeout, args);
    }

    private static (int ExitCode, string Out, string Error) Run(ProcessStartInfo start, TimeSpan timeout, string[] args)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
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
