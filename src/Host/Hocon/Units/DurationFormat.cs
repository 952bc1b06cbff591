namespace EdgeMoE.Hocon.Units;

/// <summary>Durations: a bare number is milliseconds; units are the spec's lowercase names (ns ... d).</summary>
public static class DurationFormat
{
    private const decimal TicksPerNanosecond = 0.01m;

    private static readonly Dictionary<string, decimal> NanosecondsPerUnit = Build();

    /// <summary>Parses <c>10s</c>, <c>100 ms</c>, <c>1 minute</c>, <c>250</c> (milliseconds).</summary>
    /// <returns>The duration, or null with <paramref name="error"/> set.</returns>
    public static TimeSpan? TryParse(string text, out string error)
    {
        error = "";
        if (!UnitNumber.TryParse(text, out var number, out var unit))
        {
            error = "expected a duration such as 10s, 100 ms or 1 minute";
            return null;
        }

        if (unit.Length == 0)
        {
            unit = "ms";
        }

        if (!NanosecondsPerUnit.TryGetValue(unit, out var scale))
        {
            error = $"unknown duration unit '{unit}' (use ns, us, ms, s, m, h, d or their long names)";
            return null;
        }

        try
        {
            return TimeSpan.FromTicks((long)decimal.Round(number * scale * TicksPerNanosecond));
        }
        catch (OverflowException)
        {
            error = "duration is too large";
            return null;
        }
    }

    /// <summary>A number written without unit, in milliseconds.</summary>
    public static TimeSpan FromMilliseconds(double milliseconds) => TimeSpan.FromTicks((long)Math.Round(milliseconds * TimeSpan.TicksPerMillisecond));

    private static Dictionary<string, decimal> Build()
    {
        var table = new Dictionary<string, decimal>(StringComparer.Ordinal);
        Add(1m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(1e3m, "us", "micro", "micros", "microsecond", "microseconds");
        Add(1e6m, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(1e9m, "s", "second", "seconds");
        Add(60e9m, "m", "minute", "minutes");
        Add(3600e9m, "h", "hour", "hours");
        Add(86400e9m, "d", "day", "days");
        return table;

        void Add(decimal nanoseconds, params string[] names)
        {
            foreach (var name in names)
            {
                table[name] = nanoseconds;
            }
        }
    }
}
