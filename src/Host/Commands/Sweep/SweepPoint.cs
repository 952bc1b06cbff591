using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EdgeMoE.Host.Commands.Sweep;

/// <summary>One configuration of a sweep: a value per axis and, with <c>--seeds</c>, a seed.</summary>
/// <param name="Index">Position in the sweep's order (first axis outermost, seed innermost).</param>
/// <param name="Name">Folder name under DIR/runs, e.g. <c>arrival-rate=195_seed=2</c>.</param>
/// <param name="Values">(key, HOCON value) per axis, in axis order.</param>
/// <param name="Seed">The seed this point sets on <c>edgemoe.run.seed</c>, or null to keep the scenario's.</param>
internal sealed record SweepPoint(int Index, string Name, IReadOnlyList<KeyValuePair<string, string>> Values, int? Seed)
{
    /// <summary>The point's settings as HOCON, with <paramref name="outputDir"/> as its <c>edgemoe.run.output-dir</c>.</summary>
    public string ToHocon(string outputDir)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in Values)
        {
            text.Append(CultureInfo.InvariantCulture, $"{key} = {value}\n");
        }

        if (Seed is { } seed)
        {
            text.Append(CultureInfo.InvariantCulture, $"{SweepPlan.SeedKey} = {seed}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{SweepPlan.OutputKey} = {JsonSerializer.Serialize(outputDir)}\n");
        return text.ToString();
    }
}
