using System.Globalization;

namespace EdgeMoE.Host.Reports;

/// <summary>Culture-independent, round-trip number text for the reports (the same bytes on every machine).</summary>
internal static class CsvNumbers
{
    public static string Format(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(double? value) => value is { } v ? Format(v) : "";
}
