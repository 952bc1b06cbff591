using System.Diagnostics;
using EdgeMoE.Host.Tests.Run;
using Xunit.Abstractions;

namespace EdgeMoE.Host.Tests.Cluster;

/// <summary>A real crash: an edge-node process of a <c>--local-nodes 3</c> run is killed with SIGKILL in the middle of the run.</summary>
[Collection(LocalClusterProcesses.Name)]
public sealed class NodeKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_node_process_killed_mid_run_is_excluded_and_the_run_finishes_without_losing_a_token()
    {
        using var scenario = new TinyScenario("test-eval-interval = 1000");
        var folder = scenario.Output("out");
        using var run = EdgemoeProcess.Start("run", scenario.ScenarioFile, "--policy", "top-k", "--slots", "300", "--out", folder, "--local-nodes", "3", "--no-report");
        var lines = new StderrLines(run);

        // Top-k piles tokens up at the servers it prefers. Some slots run on all three nodes first.
        lines.Await(l => l.Contains("top-k slot ", StringComparison.Ordinal) && l.Contains("throughput", StringComparison.Ordinal));
        var nodes = ChildProcesses.Of(run.Id).Where(p => ChildProcesses.CommandLine(p).Contains(" node ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, nodes.Length);
        var victim = Process.GetProcessById(nodes[1]);
        victim.Kill(); // SIGKILL on Linux: no leaving, no goodbye.
        var killedAt = lines.Elapsed;

        var excludedAt = lines.Await(l => l.Contains("lost server(s)", StringComparison.Ordinal));
        output.WriteLine($"SIGKILL to exclusion: {(excludedAt - killedAt).TotalSeconds:0.0} s wall");
        Assert.True(run.WaitForExit(TimeSpan.FromMinutes(4)), "the run did not finish after the node was killed");
        run.WaitForExit();
        Assert.True(run.ExitCode == 0, lines.All());
        Assert.Contains("top-k", await lines.Stdout);
        var events = File.ReadAllLines(Path.Combine(folder, "events.csv"));
        Assert.Contains(events, e => e.StartsWith("top-k,", StringComparison.Ordinal) && e.Contains(",lost,server ", StringComparison.Ordinal));
        var ledger = FailureInjectionTests.Ledgers(folder)["top-k"];
        Assert.Equal(0, ledger.Lost);
        Assert.Equal(ledger.Arrivals, ledger.Completed + ledger.Queued + ledger.InFlight);
        // Whether the killed node held queued tokens depends on which node the kill hit (the scheduled-failure tests pin
        // the rerouting down); every token is accounted for either way.
        output.WriteLine($"tokens routed again after the kill: {ledger.Rerouted}");
        // The killed node's servers stay down to the end.
        var last = File.ReadAllLines(Path.Combine(folder, "metrics.csv")).Skip(1).Select(l => l.Split(',')).Where(r => r[1] == "299").ToArray();
        Assert.Contains(last, r => r[3] == "0");
    }
}
