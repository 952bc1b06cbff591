using EdgeMoE.Host.Commands.Sweep;

namespace EdgeMoE.Host.Tests.Sweep;

public sealed class SweepRowTests
{
    [Fact]
    public void Another_scenarios_summary_gives_a_row_per_object_of_numbers_named_by_its_path()
    {
        using var folder = new ScratchFolder();
        var path = Path.Combine(folder.Path, "summary.json");
        File.WriteAllText(path, """
            {
              "minimum_experts": 12,
              "runs": [ { "method": "moe", "experts": 10, "final_error": 0.01 }, { "method": "nearest", "experts": 10, "final_error": 0.5 } ],
              "schemes": { "top-2": { "accuracy": 0.9, "energy_per_layer_j": [1, 2] }, "jesa(0.92,2)": { "accuracy": 0.88 } }
            }
            """);
        var point = new SweepPoint(0, "v=1", [KeyValuePair.Create("edgemoe.x.v", "1")], null);

        var rows = SweepRow.Read(point, path, runSeed: 7);

        Assert.Equal(["summary", "runs/0 moe", "runs/1 nearest", "schemes/top-2", "schemes/jesa(0.92,2)"], rows.Select(r => r.Policy));
        Assert.All(rows, r => Assert.Equal(7, r.Seed));
        Assert.Equal(12, rows[0].Figure("minimum_experts"));
        Assert.Equal(0.5, rows[2].Figure("final_error"));
        Assert.Equal(["accuracy"], rows[3].Figures.Select(f => f.Key));
        var table = SweepTable.Render(rows);
        Assert.Contains("schemes/jesa(0.92,2)", table);
        Assert.Contains("final_error", table);
    }
}
