using System.Globalization;
using EdgeMoE.Host.Scenarios;
using EdgeMoE.Host.Settings;
using EdgeMoE.Models.Data;
using EdgeMoE.Models.Moe;

namespace EdgeMoE.Host.Commands.Bench.Scale;

/// <summary>
/// One cell of <c>bench scale</c>: the reference Stable-MoE scenario (10 servers, λ = 390 tokens per slot, the
/// stable-moe policy) with tiny tokens (4×4 synthetic images, 10 classes) and tiny MLP experts (16 → 16 → 10), so the
/// bench measures the emulator's machinery rather than the experts' arithmetic.
/// </summary>
internal static class ScaleCellPlan
{
    /// <summary>Expert servers per cell.</summary>
    public const int ServersPerCell = 10;

    private const int Side = 4;
    private const int TrainImages = 4_000;
    private const int TestImages = 100;
    private const int HiddenUnits = 16;

    /// <summary>The settings (reference.conf with the bench's values; nodes of <c>--local-nodes</c> read the same file) and the cell's plan.</summary>
    /// <param name="slots">Slots to run (≥ 1).</param>
    public static (EdgeMoeSettings Settings, ScenarioPlan Plan) Build(int slots)
    {
        var file = ReferenceConfig.Shipped;
        var (merged, reference) = LayeredConfig.Load(file);
        var overrides = EdgeMoE.Hocon.Config.Parse(
            $$"""
            edgemoe {
              run { slots = {{slots.ToString(CultureInfo.InvariantCulture)}}, policy = stable-moe, dataset = synthetic }
              stable-moe {
                servers = {{ServersPerCell}}
                arrival-rate = 390
                expert-channels = [2]
                expert-features = 8
                gate-hidden = 16
                test-eval-interval = 1000000
                test-eval-subset = {{TestImages}}
              }
            }
            """,
            "bench scale");
        var settings = SettingsLoader.FromConfig(overrides.WithFallback(merged), reference, file);
        var all = SyntheticImages.GaussianClusters(TrainImages + TestImages, FashionMnist.ClassCount, 1, Side, Side, 0.35, settings.Run.Seed);
        var images = new TokenImages(
            all.Subset([.. Enumerable.Range(0, TrainImages)]), all.Subset([.. Enumerable.Range(TrainImages, TestImages)]), "synthetic 4x4");
        var plan = ScenarioPlan.From(settings, images);
        var expert = new MlpOptions(Side * Side, [HiddenUnits]);
        return (settings, plan with { Servers = [.. plan.Servers.Select(s => s with { Network = expert })] });
    }
}
