using System.Text.Json;

namespace EdgeMoE.Host.Tests.Bench;

[Collection(ProcessWideMeasurements.Name)]
public sealed class BenchActorsCommandTests
{
    [Fact]
    public void Bench_actors_reports_every_measure_of_akka_as_the_only_json_line_on_stdout()
    {
        // Its own process: ping-pong and heap footprints are process-wide measures.
        var (exit, output, error) = EdgemoeProcess.Run(TimeSpan.FromMinutes(2), "bench", "actors", "--json", "--seconds", "0.2", "--actors", "10000");
        Assert.True(exit == 0, error);
        // Akka's log, startup included, goes to stderr: stdout is the JSON line alone.
        using var json = JsonDocument.Parse(Assert.Single(output.TrimEnd().Split('\n')));
        var numbers = json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        foreach (var key in new[]
                 {
                     "pingpong_msgs_per_s", "raw_channel_msgs_per_s", "pingpong_vs_raw_channel", "spawn_actors_per_s",
                     "bytes_per_idle_actor", "ask_roundtrip_us",
                 })
        {
            Assert.True(numbers.TryGetValue(key, out var value) && value > 0, $"{key} missing or not positive in: {output}");
        }

        Assert.Equal(10000, numbers["idle_actors"]);
    }

    [Fact]
    public void A_non_positive_actor_count_is_bad_usage()
    {
        var (exit, _, error) = CliRunner.Run("bench", "actors", "--actors", "0");
        Assert.Equal(2, exit);
        Assert.Contains("--actors", error);
    }
}
