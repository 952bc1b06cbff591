using System.Globalization;
using System.Text;

namespace EdgeMoE.Reports.Tests;

/// <summary>Small run folders written by hand, as the scenarios write them, under a scratch folder deleted afterwards.</summary>
internal sealed class RunFolders : IDisposable
{
    private static readonly string[] MetricsHeader =
    [
        "policy", "slot", "expert", "available", "arrivals", "routed", "completed", "token_queue", "energy_queue_j", "energy_j",
        "frequency_hz", "link_bits", "link_energy_j", "throughput", "cumulative_throughput", "gating_consistency", "training_loss",
        "test_accuracy",
    ];

    public RunFolders()
    {
        Root = Path.Combine(Path.GetTempPath(), "edgemoe-reports-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>A Stable-MoE run of two policies, <paramref name="slots"/> slots and three servers; accuracy every second slot.</summary>
    public string StableMoe(string name, int slots = 4, string? events = null)
    {
        var folder = Folder(name);
        var csv = new StringBuilder(string.Join(',', MetricsHeader) + "\n");
        foreach (var (policy, speed) in new[] { ("stable-moe", 3), ("random", 1) })
        {
            var cumulative = 0;
            for (var t = 0; t < slots; t++)
            {
                cumulative += 10 * speed + t;
                for (var j = 0; j < 3; j++)
                {
                    var accuracy = t % 2 == 1 ? (0.5 + 0.01 * t * speed).ToString(CultureInfo.InvariantCulture) : "";
                    csv.Append(CultureInfo.InvariantCulture,
                        $"{policy},{t},{j},1,40,{10 + j},{9 + j},{(4 - speed) * t + j},{0.5 * t + j},{0.1 * (j + 1)},{4e8 + 1e8 * ((t + j) % 3)},1000,0.01,{10 * speed + t},{cumulative},1.5,2.1,{accuracy}\n");
                }
            }
        }

        File.WriteAllText(Path.Combine(folder, "metrics.csv"), csv.ToString());
        File.WriteAllText(Path.Combine(folder, "summary.json"), """
            {
              "dataset": "synthetic",
              "seed": 1,
              "slots": 4,
              "policies": {
                "stable-moe": { "cumulative_throughput": 126, "test_accuracy": 0.59 },
                "random": { "cumulative_throughput": 46, "test_accuracy": 0.53 }
              }
            }
            """);
        File.WriteAllText(Path.Combine(folder, "config.conf"), "edgemoe {\n  run {\n    scenario = \"stable-moe\"\n    seed = 1\n  }\n  note = \"<b>escaped</b> & kept\"\n}\n");
        if (events is not null)
        {
            File.WriteAllText(Path.Combine(folder, "events.csv"), events);
        }

        return folder;
    }

    /// <summary>A sweep over arrival-rate and v, two seeds, with its first point's config.conf.</summary>
    public string Sweep(string name)
    {
        var folder = Folder(name);
        var csv = new StringBuilder("point,arrival-rate,v,seed,policy,cumulative_throughput,stable_moe_throughput_ratio\n");
        foreach (var rate in new[] { 200, 390 })
        {
            foreach (var v in new[] { 10, 50 })
            {
                foreach (var seed in new[] { 1, 2 })
                {
                    var point = $"arrival-rate={rate}_v={v}_seed={seed}";
                    Directory.CreateDirectory(Path.Combine(folder, "runs", point));
                    File.WriteAllText(Path.Combine(folder, "runs", point, "config.conf"), "edgemoe.run.scenario = stable-moe\n");
                    csv.Append(CultureInfo.InvariantCulture, $"{point},{rate},{v},{seed},stable-moe,{rate},1\n");
                    csv.Append(CultureInfo.InvariantCulture, $"{point},{rate},{v},{seed},random,{rate / 2},{2 + 0.1 * seed + rate / 1000.0}\n");
                }
            }
        }

        File.WriteAllText(Path.Combine(folder, "sweep.csv"), csv.ToString());
        return folder;
    }

    public string Folder(string name)
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
