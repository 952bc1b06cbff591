using System.Globalization;
using System.Text.Json;

namespace EdgeMoE.Host.Tests.Run;

/// <summary>
/// <c>edgemoe.stable-moe.failures</c>: crashes, partitions and slow links strike at their slots, every policy goes on,
/// and the token ledger of summary.json accounts for every token.
/// </summary>
[Collection(TorchThreadCount.Name)]
public sealed class FailureInjectionTests
{
    private const int Slots = 12;

    [Theory]
    [InlineData("{ kind = crash-server, server = 1, at-slot = 3 }", "3,crash-server,server 1,3,", new[] { 1 }, 3, Slots)]
    [InlineData("{ kind = crash-node, node = 0, at-slot = 3, recover-at-slot = 8 }", "3,crash-node,node 0,3,8", new[] { 0, 2 }, 3, 8)]
    [InlineData("{ kind = partition, node = 1, from-slot = 4, to-slot = 9 }", "4,partition,node 1,4,9", new[] { 1, 3 }, 4, 9)]
    public void A_server_that_goes_down_is_routed_nothing_and_no_token_is_lost(string entry, string row, int[] hit, int from, int until)
    {
        using var scenario = new TinyScenario($"nodes = 2\nfailures = [ {entry} ]");
        var folder = Run(scenario, "out");

        var rows = Metrics(folder);
        foreach (var r in rows)
        {
            var (slot, expert) = (int.Parse(r[1], CultureInfo.InvariantCulture), int.Parse(r[2], CultureInfo.InvariantCulture));
            var down = hit.Contains(expert) && slot >= from && slot < until;
            Assert.Equal(down ? "0" : "1", r[3]);
            if (down)
            {
                Assert.Equal("0", r[5]);
            }
        }

        var summary = Ledgers(folder);
        Assert.Equal(5, summary.Count);
        foreach (var (policy, ledger) in summary)
        {
            Assert.True(ledger.Lost == 0, $"{policy} lost {ledger.Lost} tokens");
            Assert.Equal(ledger.Arrivals, ledger.Completed + ledger.Queued + ledger.InFlight);
        }

        // Tokens waited at the servers when they went down: some policy had to route them again.
        Assert.Contains(summary.Values, l => l.Rerouted > 0);
        var events = File.ReadAllLines(Path.Combine(folder, "events.csv"));
        Assert.Equal("policy,slot,kind,target,detected_slot,recovered_slot", events[0]);
        Assert.Equal(summary.Keys.Select(p => $"{p},{row}"), events.Skip(1));
        if (until < Slots)
        {
            // Back up: the servers get tokens again.
            Assert.Contains(rows, r => hit.Contains(int.Parse(r[2], CultureInfo.InvariantCulture)) && int.Parse(r[1], CultureInfo.InvariantCulture) >= until && r[5] != "0");
        }
    }

    [Fact]
    public void A_slow_link_spends_one_over_the_factor_more_energy_per_bit_and_loses_nothing()
    {
        using var scenario = new TinyScenario("failures = [ { kind = slow-link, server = 2, from-slot = 2, to-slot = 10, rate-factor = 0.1 } ]");
        using var plain = new TinyScenario();
        var slow = Metrics(Run(scenario, "slow"));
        var full = Metrics(Run(plain, "full"));
        var checkedSlots = 0;
        foreach (var (s, f) in slow.Zip(full))
        {
            Assert.Equal((f[0], f[1], f[2]), (s[0], s[1], s[2]));
            var bits = (double.Parse(s[11], CultureInfo.InvariantCulture), double.Parse(f[11], CultureInfo.InvariantCulture));
            if (bits.Item1 == 0 || bits.Item2 == 0)
            {
                continue;
            }

            // Same fading draws in both runs: joules per bit is P0·M_j/rate, and the slow link's rate is 0.1 of it.
            var ratio = (double.Parse(s[12], CultureInfo.InvariantCulture) / bits.Item1) / (double.Parse(f[12], CultureInfo.InvariantCulture) / bits.Item2);
            var slot = int.Parse(s[1], CultureInfo.InvariantCulture);
            var expected = s[2] == "2" && slot is >= 2 and < 10 ? 10 : 1;
            Assert.Equal(expected, ratio, 9);
            checkedSlots += expected == 10 ? 1 : 0;
        }

        Assert.True(checkedSlots > 0, "no slow slot carried traffic");
        Assert.All(Ledgers(scenario.Output("slow")).Values, l => Assert.Equal(0, l.Lost));
    }

    [Fact]
    public void The_same_failures_give_identical_files_twice()
    {
        using var scenario = new TinyScenario(Mixed);
        var first = Run(scenario, "first", "--policy", "stable-moe");
        var second = Run(scenario, "second", "--policy", "stable-moe", "--threads", "3");
        foreach (var file in new[] { "metrics.csv", "summary.json", "events.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
        }
    }

    [Theory]
    [InlineData("{ kind = meltdown, server = 1, at-slot = 3 }", "edgemoe.stable-moe.failures[0].kind must be one of")]
    [InlineData("{ kind = crash-server, server = 4, at-slot = 3 }", "edgemoe.stable-moe.failures[0].server must be an integer in [0, 3], got 4")]
    [InlineData("{ kind = partition, node = 0, from-slot = 9, to-slot = 4 }", "edgemoe.stable-moe.failures[0].to-slot must be after from-slot (9), got 4")]
    [InlineData("{ kind = crash-node, node = 1, at-slot = 3 }", "edgemoe.stable-moe.failures[0].node must be an integer in [0, 0], got 1")]
    [InlineData("{ kind = slow-link, server = 1, from-slot = 1, to-slot = 4, rate-factor = 2 }", "edgemoe.stable-moe.failures[0].rate-factor must be a number in (0, 1], got 2")]
    [InlineData("{ kind = crash-server, server = 1 }", "edgemoe.stable-moe.failures[0].at-slot is missing")]
    [InlineData("{ kind = crash-server, server = 1, at-slot = 2, to-slot = 5 }", "edgemoe.stable-moe.failures[0].to-slot: a crash-server entry has no key")]
    [InlineData("\"3:40\"", "edgemoe.stable-moe.failures[0] must be an object")]
    public void An_invalid_failure_entry_exits_2_naming_the_entry(string entry, string message)
    {
        using var scenario = new TinyScenario($"failures = [ {entry} ]");
        var (exit, _, error) = CliRunner.Run("run", scenario.ScenarioFile, "--out", scenario.Output("out"));
        Assert.Equal(2, exit);
        Assert.Contains(message, error);
        Assert.Contains("tiny.conf:", error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(Directory.Exists(scenario.Output("out")));
    }

    /// <summary>One of each kind, on four servers spread over three nodes (node 0 holds servers 0 and 3).</summary>
    internal const string Mixed = """
        nodes = 3
        failures = [
          { kind = crash-server, server = 1, at-slot = 2, recover-at-slot = 6 }
          { kind = crash-node, node = 0, at-slot = 3, recover-at-slot = 7 }
          { kind = partition, node = 2, from-slot = 4, to-slot = 8 }
          { kind = slow-link, server = 1, from-slot = 6, to-slot = 9, rate-factor = 0.25 }
        ]
        """;

    internal sealed record Ledger(long Arrivals, long Completed, long Queued, long InFlight, long Rerouted, long Lost);

    private static string Run(TinyScenario scenario, string output, params string[] options)
    {
        var folder = scenario.Output(output);
        var (exit, _, error) = CliRunner.Run(["run", scenario.ScenarioFile, "--out", folder, "--slots", Slots.ToString(CultureInfo.InvariantCulture), "--no-report", .. options]);
        Assert.True(exit == 0, error);
        return folder;
    }

    private static string[][] Metrics(string folder) =>
        [.. File.ReadAllLines(Path.Combine(folder, "metrics.csv")).Skip(1).Select(l => l.Split(','))];

    internal static Dictionary<string, Ledger> Ledgers(string folder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        var ledgers = new Dictionary<string, Ledger>(StringComparer.Ordinal);
        foreach (var policy in json.RootElement.GetProperty("policies").EnumerateObject())
        {
            long Get(string key) => policy.Value.GetProperty(key).GetInt64();
            ledgers[policy.Name] = new Ledger(Get("arrivals"), Get("completed"), Get("queued_at_end"), Get("in_flight_at_end"), Get("rerouted"), Get("lost"));
        }

        return ledgers;
    }
}
