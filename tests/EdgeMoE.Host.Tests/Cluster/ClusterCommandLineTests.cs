using System.Net;
using System.Net.Sockets;
using EdgeMoE.Host.Cluster;
using EdgeMoE.Host.Tests.Run;

namespace EdgeMoE.Host.Tests.Cluster;

/// <summary>Bad cluster input on the command line: one clear message each, exit 2, no stack trace.</summary>
[Collection(TorchThreadCount.Name)]
public sealed class ClusterCommandLineTests : IDisposable
{
    // Nothing listens on port 1 of loopback: a seed node that never answers.
    private const string DeadSeed = "127.0.0.1:1";
    private readonly TinyScenario _scenario = new("");
    private readonly ThrowAwayCredentials _credentials = ThrowAwayCredentials.Create();
    private readonly string _quickJoin;

    public ClusterCommandLineTests()
    {
        _quickJoin = Path.Combine(Path.GetDirectoryName(_scenario.ScenarioFile)!, "quick-join.conf");
        File.WriteAllText(_quickJoin, "include \"tiny.conf\"\nedgemoe.cluster.join-timeout = 2s\n");
    }

    [Fact]
    public void Seed_nodes_that_are_not_host_and_port_are_refused_naming_the_option()
    {
        var (exit, _, error) = CliRunner.Run("run", _scenario.ScenarioFile, "--seed-nodes", "10.0.0.5", "--credentials", _credentials.Folder);
        Assert.Equal(2, exit);
        Assert.Equal("--seed-nodes: \"10.0.0.5\" is not HOST:PORT with a port in 1..65535, e.g. 10.0.0.5:4053", error.Trim());
    }

    [Fact]
    public void A_coordinator_whose_seed_nodes_never_answer_gives_up_after_the_join_timeout()
    {
        var (exit, _, error) = CliRunner.Run("run", _quickJoin, "--seed-nodes", DeadSeed, "--credentials", _credentials.Folder, "--out", _scenario.Output("never"));
        Assert.Equal(2, exit);
        Assert.Contains("the cluster did not form within 2 s (edgemoe.cluster.join-timeout): no seed node answered. Seed nodes: 127.0.0.1:1.", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void A_node_whose_coordinator_never_answers_gives_up_after_the_join_timeout()
    {
        var (exit, _, error) = CliRunner.Run("node", "--seed-nodes", DeadSeed, "--credentials", _credentials.Folder, "--config", _quickJoin, "--hostname", "127.0.0.1");
        Assert.Equal(2, exit);
        Assert.Matches(@"node 127\.0\.0\.1:\d+: no seed node answered within 2 s \(edgemoe\.cluster\.join-timeout\)\. Seed nodes: 127\.0\.0\.1:1;", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void A_port_in_use_is_refused_naming_the_option()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var (exit, _, error) = CliRunner.Run(
            "node", "--seed-nodes", DeadSeed, "--credentials", _credentials.Folder, "--config", _quickJoin, "--hostname", "127.0.0.1", "--port", $"{port}");
        Assert.Equal(2, exit);
        Assert.StartsWith($"cannot listen on 127.0.0.1:{port} (--port, edgemoe.cluster.port): the port is in use by another program", error.Trim());
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void A_member_without_credentials_is_refused_before_it_starts()
    {
        var (exit, _, error) = CliRunner.Run("node", "--seed-nodes", "127.0.0.1:4053");
        Assert.Equal(2, exit);
        Assert.StartsWith("a cluster member needs the cluster's TLS credentials: --credentials DIR or edgemoe.cluster.credentials", error.Trim());
    }

    [Fact]
    public void A_credentials_folder_without_the_files_is_refused_naming_the_file()
    {
        var empty = _scenario.Output("no-credentials");
        Directory.CreateDirectory(empty);
        var (exit, _, error) = CliRunner.Run("run", _scenario.ScenarioFile, "--seed-nodes", "127.0.0.1:4053", "--credentials", empty);
        Assert.Equal(2, exit);
        Assert.Contains(Path.Combine(empty, "ca.crt"), error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Local_nodes_and_seed_nodes_exclude_each_other()
    {
        var (exit, _, error) = CliRunner.Run("run", _scenario.ScenarioFile, "--local-nodes", "2", "--seed-nodes", "127.0.0.1:4053");
        Assert.Equal(2, exit);
        Assert.Equal("--local-nodes and --seed-nodes exclude each other: --local-nodes starts its own cluster on this machine", error.Trim());
    }

    [Fact]
    public void A_node_takes_only_the_edge_role()
    {
        var (exit, _, error) = CliRunner.Run("node", "--seed-nodes", "127.0.0.1:4053", "--roles", "coordinator");
        Assert.Equal(2, exit);
        Assert.StartsWith("--roles: \"coordinator\" is not a role a node takes; the only one is edge", error.Trim());
    }

    public void Dispose()
    {
        _credentials.Dispose();
        _scenario.Dispose();
    }
}
