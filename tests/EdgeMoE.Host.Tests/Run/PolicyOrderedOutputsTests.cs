using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Host.Reports;

namespace EdgeMoE.Host.Tests.Run;

public sealed class PolicyOrderedOutputsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("edgemoe-ordered-").FullName;

    [Fact]
    public void Rows_of_a_policy_that_finishes_early_wait_for_the_policies_before_it()
    {
        var path = Path.Combine(_folder, "metrics.csv");
        var written = new List<string[]>();
        using (var csv = new MetricsCsv(path))
        {
            var outputs = new PolicyOrderedOutputs(csv, ["a", "b", "c"], finished => written.Add([.. finished.Select(s => s.Policy)]));
            outputs.Slot(1, Slot(0), 1);
            outputs.Slot(2, Slot(0), 1);
            outputs.Slot(0, Slot(0), 1);
            outputs.Finished(2, Summary("c"));
            outputs.Slot(1, Slot(1), 2);
            Assert.Equal(["a"], Policies(path));

            outputs.Finished(1, Summary("b"));
            outputs.Slot(0, Slot(1), 2);
            outputs.Finished(0, Summary("a"));
            Assert.Equal(["a", "a", "b", "b", "c"], Policies(path));
            Assert.Equal(["a", "b", "c"], outputs.Summaries.Select(s => s.Policy));
        }

        Assert.Equal([["c"], ["b", "c"], ["a", "b", "c"]], written);
    }

    [Fact]
    public void After_a_failure_the_finished_policies_rows_are_still_written()
    {
        var path = Path.Combine(_folder, "metrics.csv");
        using (var csv = new MetricsCsv(path))
        {
            var outputs = new PolicyOrderedOutputs(csv, ["a", "b", "c"], _ => { });
            outputs.Slot(0, Slot(0), 1);
            outputs.Slot(2, Slot(0), 1);
            outputs.Finished(2, Summary("c"));
            outputs.Slot(1, Slot(0), 1);
            outputs.FlushFinished();
        }

        Assert.Equal(["a", "c"], Policies(path));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string[] Policies(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return [.. reader.ReadToEnd().TrimEnd('\n').Split('\n').Skip(1).Select(line => line.Split(',')[0])];
    }

    private static PolicySummary Summary(string policy) => new(policy, 1, 1, 0.5, 0, 0, 0, 0, 0);

    private static SlotMetrics Slot(long slot) => new(
        slot,
        TimeSpan.FromSeconds(slot),
        new RouterSlotReport(slot, 1, 1, 0.5, 0.5, 0, TimeSpan.FromSeconds(slot)),
        [new ServerSlotReport(slot, 0, true, 1, 1, 0, 0, 0, 1e9, 1, TimeSpan.FromSeconds(slot))],
        [new LinkSlotReport(slot, 0, 8, 1e-6, TimeSpan.FromSeconds(slot))],
        null,
        false);
}
