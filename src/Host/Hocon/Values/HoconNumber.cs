using System.Globalization;

namespace EdgeMoE.Hocon;

/// <summary>A number, kept with the text it was written as (concatenation and rendering use that text).</summary>
public sealed class HoconNumber(string text, ConfigOrigin origin) : HoconValue(origin)
{
    /// <summary>The number exactly as written in the file, e.g. <c>2e-27</c>.</summary>
    public string Text { get; } = text;

    /// <summary>The value as a double.</summary>
    public double Value => double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The value as a 64-bit integer, or null when it has a fraction or does not fit.</summary>
    public long? AsLong()
    {
        if (long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exact))
        {
            return exact;
        }

        if (!decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return value == decimal.Truncate(value) && value is >= long.MinValue and <= long.MaxValue ? (long)value : null;
    }

    public override HoconValueType Type => HoconValueType.Number;

    public override string Describe() => $"number {Text}";

    internal override string ConcatenationText => Text;
}
