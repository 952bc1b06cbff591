using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EdgeMoE.Host.Cluster;
using EdgeMoE.Host.Tests.Run;

namespace EdgeMoE.Host.Tests.Cluster;

/// <summary>An <c>edgemoe node</c> process serves one coordinator after another until it is stopped.</summary>
[Collection(LocalClusterProcesses.Name)]
public sealed class EdgeNodeProcessTests
{
    [Fact]
    public async Task One_node_process_serves_two_runs_in_turn_and_stops_on_sigterm()
    {
        using var scenario = new TinyScenario("");
        using var credentials = ThrowAwayCredentials.Create();
        var port = FreePort();
        using var node = EdgemoeProcess.Start(
            "node", "--hostname", "127.0.0.1", "--seed-nodes", $"127.0.0.1:{port}", "--credentials", credentials.Folder, "--threads", "1");
        var log = node.StandardError.ReadToEndAsync();
        try
        {
            foreach (var name in new[] { "first", "second" })
            {
                var (exit, _, error) = CliRunner.Run(
                    "run", scenario.ScenarioFile, "--policy", "top-k", "--out", scenario.Output(name), "--hostname", "127.0.0.1", "--port", $"{port}",
                    "--seed-nodes", $"127.0.0.1:{port}", "--credentials", credentials.Folder);
                Assert.True(exit == 0, error);
                Assert.Contains("with 1 edge node(s)", error);
            }

            Assert.Equal(File.ReadAllBytes(Path.Combine(scenario.Output("first"), "metrics.csv")), File.ReadAllBytes(Path.Combine(scenario.Output("second"), "metrics.csv")));
            Process.Start("kill", ["-TERM", $"{node.Id}"]).WaitForExit();
            await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var said = await log;
            Assert.Equal(0, node.ExitCode);
            Assert.Equal(2, CountOf(said, "the run is over"));
        }
        finally
        {
            if (!node.HasExited)
            {
                node.Kill(entireProcessTree: true);
            }
        }
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
