using System.Diagnostics;
using System.Globalization;
using Akka.Actor;

namespace EdgeMoE.Host.Cluster;

/// <summary>
/// <c>edgemoe run --local-nodes N</c>: N <c>edgemoe node</c> processes on loopback that join the coordinator, serve
/// one run and exit. Their stderr is forwarded line by line, prefixed with the node's number.
/// </summary>
internal sealed class LocalEdgeNodes : IDisposable
{
    private static readonly TimeSpan ExitPatience = TimeSpan.FromSeconds(30);
    private readonly List<Process> _processes = [];

    private LocalEdgeNodes()
    {
    }

    /// <summary>Starts <paramref name="count"/> edge nodes that join <paramref name="coordinator"/>.</summary>
    /// <param name="count">Nodes (≥ 1).</param>
    /// <param name="coordinator">The coordinator's address (their seed node).</param>
    /// <param name="credentials">Folder of the cluster's credentials.</param>
    /// <param name="scenario">The scenario file, for its <c>akka</c> section.</param>
    /// <param name="threads">Dispatcher threads of each node.</param>
    /// <param name="log">Receives the nodes' stderr lines.</param>
    public static LocalEdgeNodes Start(int count, Address coordinator, string credentials, string scenario, int threads, TextWriter log)
    {
        var nodes = new LocalEdgeNodes();
        try
        {
            for (var i = 1; i <= count; i++)
            {
                nodes._processes.Add(StartNode(i, coordinator, credentials, scenario, threads, log));
            }
        }
        catch
        {
            nodes.Dispose();
            throw;
        }

        return nodes;
    }

    /// <summary>Completes, naming the node and its exit code, when the first node process exits.</summary>
    public Task<string> FirstExit()
    {
        var exits = _processes.Select(async (p, i) =>
        {
            await p.WaitForExitAsync().ConfigureAwait(false);
            return $"local edge node {i + 1} exited with code {p.ExitCode} (its messages are above)";
        });
        return Task.WhenAny(exits).Unwrap();
    }

    /// <summary>The working sets of the node processes still running, summed (bytes).</summary>
    public long WorkingSetBytes()
    {
        var total = 0L;
        foreach (var process in _processes)
        {
            process.Refresh();
            total += process.HasExited ? 0 : process.WorkingSet64;
        }

        return total;
    }

    /// <summary>Waits for the nodes to leave after the run, then kills any that did not.</summary>
    public void Dispose()
    {
        foreach (var process in _processes)
        {
            if (!process.WaitForExit(ExitPatience))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }

        _processes.Clear();
    }

    private static Process StartNode(int number, Address coordinator, string credentials, string scenario, int threads, TextWriter log)
    {
        var start = Self();
        foreach (var arg in new[]
        {
            "node", "--hostname", coordinator.Host!, "--port", "0",
            "--seed-nodes", SeedNodes.Describe(coordinator), "--credentials", credentials,
            "--config", scenario, "--threads", threads.ToString(CultureInfo.InvariantCulture), "--exit-after-run",
            Commands.Node.NodeCommand.UntilStdinClosesOption,
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        // Held open while this process lives: the node stops when it closes (see NodeCommand.UntilStdinClosesOption).
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start an edgemoe node process");
        var prefix = $"[node {number}] ";
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                log.WriteLine(prefix + text);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    /// <summary>How to start this same edgemoe: through the dotnet host that runs us, or the apphost beside edgemoe.dll.</summary>
    private static ProcessStartInfo Self()
    {
        var assembly = typeof(LocalEdgeNodes).Assembly.Location;
        var host = Environment.ProcessPath;
        if (host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            var start = new ProcessStartInfo(host);
            start.ArgumentList.Add(assembly);
            return start;
        }

        var apphost = Path.Combine(Path.GetDirectoryName(assembly)!, OperatingSystem.IsWindows() ? "edgemoe.exe" : "edgemoe");
        if (File.Exists(apphost))
        {
            return new ProcessStartInfo(apphost);
        }

        var dotnet = new ProcessStartInfo("dotnet");
        dotnet.ArgumentList.Add(assembly);
        return dotnet;
    }
}
