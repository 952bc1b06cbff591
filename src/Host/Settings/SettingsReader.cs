using System.Globalization;
using EdgeMoE.Hocon;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Settings;

/// <summary>
/// Reads one settings section with validation. Every failure names the full key path, the offending value and
/// where it was set: <c>edgemoe.stable-moe.arrival-rate must be &gt; 0, got -3 (hocon/stable-moe.conf:12)</c>.
/// </summary>
public sealed class SettingsReader(Config section)
{
    /// <summary>The section being read, e.g. the config at <c>edgemoe.stable-moe</c>.</summary>
    public Config Section { get; } = section;

    public int Int(string key, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = Section.GetInt(key);
        Require(key, value >= min && value <= max, min == int.MinValue ? $"<= {max}" : max == int.MaxValue ? $">= {min}" : $"in [{min}, {max}]", value);
        return value;
    }

    /// <summary>A number strictly greater than <paramref name="exclusiveMin"/>.</summary>
    public double GreaterThan(string key, double exclusiveMin)
    {
        var value = Section.GetDouble(key);
        Require(key, value > exclusiveMin && double.IsFinite(value), $"> {Format(exclusiveMin)}", value);
        return value;
    }

    /// <summary>A number at least <paramref name="min"/>.</summary>
    public double AtLeast(string key, double min)
    {
        var value = Section.GetDouble(key);
        Require(key, value >= min && double.IsFinite(value), $">= {Format(min)}", value);
        return value;
    }

    public TimeSpan PositiveDuration(string key)
    {
        var value = Section.GetDuration(key);
        Require(key, value > TimeSpan.Zero, "> 0 s", value.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s");
        return value;
    }

    public string NonEmptyString(string key)
    {
        var value = Section.GetString(key);
        Require(key, value.Trim().Length > 0, "a non-empty string", "\"\"");
        return value;
    }

    /// <summary>A string that must be one of <paramref name="allowed"/>.</summary>
    public string OneOf(string key, IReadOnlyCollection<string> allowed)
    {
        var value = Section.GetString(key);
        Require(key, allowed.Contains(value), $"one of {string.Join(", ", allowed)}", $"\"{value}\"");
        return value;
    }

    /// <summary>A non-empty list of distinct strings, each one of <paramref name="allowed"/>.</summary>
    public IReadOnlyList<string> DistinctSubset(string key, IReadOnlyCollection<string> allowed)
    {
        var values = Section.GetStringList(key);
        Require(key, values.Count > 0, "a non-empty list", "[]");
        foreach (var value in values)
        {
            Require(key, allowed.Contains(value), $"a list of {string.Join(", ", allowed)}", $"\"{value}\"");
        }

        var duplicate = values.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1);
        Require(key, duplicate is null, "a list without repeats", $"\"{duplicate?.Key}\" twice");
        return values;
    }

    /// <summary>A <c>[min, max]</c> pair with <c>lowerBound &lt;= min &lt;= max</c>.</summary>
    public NumericRange Range(string key, double lowerBound)
    {
        var values = Section.GetDoubleList(key);
        var shown = "[" + string.Join(", ", values.Select(Format)) + "]";
        Require(key, values.Count == 2, "a [min, max] pair", shown);
        Require(key, values[0] >= lowerBound && values[0] <= values[1], $"a [min, max] pair with {Format(lowerBound)} <= min <= max", shown);
        return new NumericRange(values[0], values[1]);
    }

    /// <summary>Fails with the standard message unless <paramref name="ok"/>.</summary>
    public void Require(string key, bool ok, string expectation, object got)
    {
        if (ok)
        {
            return;
        }

        var shown = got is double d ? Format(d) : Convert.ToString(got, CultureInfo.InvariantCulture);
        throw new BadInputException($"{Section.FullPath(key)} must be {expectation}, got {shown} ({Section.Origin(key).FileAndLine})");
    }

    private static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
