using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EdgeMoE.Host.Commands.Run;

/// <summary>The <c>edgemoe run</c> options that override keys of <c>edgemoe.run</c>; null means "as in the file".</summary>
internal sealed record RunOverrides(string? Policy, int? Slots, int? Seed, string? OutputDir, string? Dataset, string? DataDir, int? Threads, int? ConcurrentPolicies)
{
    /// <summary>The overrides as HOCON, to layer over the scenario so that config.conf records them.</summary>
    public string ToHocon()
    {
        var text = new StringBuilder();
        void Add(string key, string? value) => text.Append(CultureInfo.InvariantCulture, $"edgemoe.run.{key} = {value}\n");
        static string Quote(string value) => JsonSerializer.Serialize(value);
        if (Policy is not null)
        {
            Add("policy", Quote(Policy));
        }

        if (Slots is { } slots)
        {
            Add("slots", slots.ToString(CultureInfo.InvariantCulture));
        }

        if (Seed is { } seed)
        {
            Add("seed", seed.ToString(CultureInfo.InvariantCulture));
        }

        if (OutputDir is not null)
        {
            Add("output-dir", Quote(OutputDir));
        }

        if (Dataset is not null)
        {
            Add("dataset", Quote(Dataset));
        }

        if (DataDir is not null)
        {
            Add("data-dir", Quote(DataDir));
        }

        if (Threads is { } threads)
        {
            Add("threads", threads.ToString(CultureInfo.InvariantCulture));
        }

        if (ConcurrentPolicies is { } concurrent)
        {
            Add("concurrent-policies", concurrent.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
