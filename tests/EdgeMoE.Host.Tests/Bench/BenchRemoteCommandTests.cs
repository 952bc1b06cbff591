namespace EdgeMoE.Host.Tests.Bench;

public sealed class BenchRemoteCommandTests
{
    [Fact]
    public void Bench_remote_streams_dispatches_to_a_local_edge_node_and_reports_mb_per_s()
    {
        var (exit, output, error) = EdgemoeProcess.Run(TimeSpan.FromMinutes(2), "bench", "remote", "--seconds", "1", "--json");
        Assert.True(exit == 0, error);
        var numbers = BenchScaleCommandTests.LastJsonLine(output);
        Assert.True(numbers["mb_per_s"] > 0, $"MB/s: {numbers["mb_per_s"]}");
        Assert.True(numbers["dispatches_per_s"] > 0);
        // The wire carries the raw float32 pixels plus a small header: never less than the payload.
        Assert.True(numbers["wire_bytes_per_dispatch"] >= numbers["payload_bytes_per_dispatch"]);
    }

    [Fact]
    public void A_non_positive_window_is_bad_usage()
    {
        var (exit, _, error) = CliRunner.Run("bench", "remote", "--window", "0");
        Assert.Equal(2, exit);
        Assert.Contains("--window", error);
    }
}
