using System.Text.Json;

namespace EdgeMoE.Host.Tests.Mec;

/// <summary><c>edgemoe.mec.failures</c>: crashed servers take no task while they are down, for every method.</summary>
public sealed class MecFailureTests
{
    [Fact]
    public void With_every_server_of_a_small_network_crashed_each_task_of_the_window_is_dropped()
    {
        // Servers 0-2 crash at step 10 and recover at step 30: a run with M = 3 has no server for those 20 tasks,
        // one with M = 5 still has servers 3 and 4.
        const string Crashes = """
            failures = [
              { kind = crash-server, server = 0, at-slot = 10, recover-at-slot = 30 }
              { kind = crash-server, server = 1, at-slot = 10, recover-at-slot = 30 }
              { kind = crash-server, server = 2, at-slot = 10, recover-at-slot = 30 }
            ]
            """;
        using var crashed = new TinyMec(Crashes);
        using var plain = new TinyMec();
        var hit = Dropped(crashed, "crashed");
        var calm = Dropped(plain, "calm");
        Assert.Equal(calm.Keys, hit.Keys);
        foreach (var (run, dropped) in hit)
        {
            if (run.Contains(",3,", StringComparison.Ordinal))
            {
                Assert.True(dropped >= 20, $"{run}: {dropped} tasks dropped with no server up for 20 steps");
            }

            Assert.True(dropped >= calm[run], $"{run}: fewer tasks dropped with crashes ({dropped}) than without ({calm[run]})");
        }

        Assert.Contains(hit, r => r.Key.Contains(",5,", StringComparison.Ordinal) && r.Value < 20);
    }

    [Theory]
    [InlineData("{ kind = crash-node, node = 0, at-slot = 3 }", "edgemoe.mec.failures[0].kind must be crash-server or slow-link")]
    [InlineData("{ kind = crash-server, server = 5, at-slot = 3 }", "edgemoe.mec.failures[0].server must be an integer in [0, 4], got 5")]
    public void An_entry_MEC_cannot_apply_exits_2_naming_it(string entry, string message)
    {
        using var mec = new TinyMec($"failures = [ {entry} ]");
        var (exit, _, error) = CliRunner.Run("run", mec.ScenarioFile, "--out", mec.Output("out"));
        Assert.Equal(2, exit);
        Assert.Contains(message, error);
        Assert.DoesNotContain("   at ", error);
    }

    private static Dictionary<string, int> Dropped(TinyMec mec, string name)
    {
        var folder = mec.Output(name);
        var (exit, _, error) = CliRunner.Run("run", mec.ScenarioFile, "--out", folder);
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        return json.RootElement.GetProperty("runs").EnumerateArray().ToDictionary(
            r => $"{r.GetProperty("method").GetString()},{r.GetProperty("experts").GetInt32()},{r.GetProperty("seed").GetInt32()}",
            r => r.GetProperty("dropped_tasks").GetInt32());
    }
}
