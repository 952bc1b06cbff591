using System.Globalization;
using EdgeMoE.Hocon.Units;

namespace EdgeMoE.Hocon;

/// <summary>The spec's automatic type conversions, with errors that name the path and where the value was set.</summary>
internal static class ValueConversion
{
    public static string ToText(HoconValue value, string path) => value switch
    {
        HoconString s => s.Value,
        HoconNumber or HoconBoolean => value.ConcatenationText!,
        _ => throw WrongType(value, path, "a string"),
    };

    public static bool ToBoolean(HoconValue value, string path) => value switch
    {
        HoconBoolean b => b.Value,
        HoconString { Value: "true" or "yes" or "on" } => true,
        HoconString { Value: "false" or "no" or "off" } => false,
        _ => throw WrongType(value, path, "a boolean (true/false, yes/no, on/off)"),
    };

    public static double ToDouble(HoconValue value, string path)
    {
        if (value is HoconNumber n)
        {
            return n.Value;
        }

        if (value is HoconString s && Syntax.Lexer.Tokenize(s.Value.Trim(), "number") is [{ Kind: Syntax.TokenKind.Number } token, { Kind: Syntax.TokenKind.End }])
        {
            return double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        throw WrongType(value, path, "a number");
    }

    public static long ToLong(HoconValue value, string path, string expected = "an integer")
    {
        var number = value switch
        {
            HoconNumber n => n,
            HoconString s when Syntax.Lexer.Tokenize(s.Value.Trim(), "number") is [{ Kind: Syntax.TokenKind.Number } token, { Kind: Syntax.TokenKind.End }]
                => new HoconNumber(token.Text, value.Origin),
            _ => null,
        };
        return number?.AsLong() ?? throw WrongType(value, path, expected);
    }

    public static int ToInt(HoconValue value, string path)
    {
        var wide = ToLong(value, path, "a 32-bit integer");
        return wide is >= int.MinValue and <= int.MaxValue ? (int)wide : throw WrongType(value, path, "a 32-bit integer");
    }

    public static TimeSpan ToDuration(HoconValue value, string path)
    {
        if (value is HoconNumber n)
        {
            return DurationFormat.FromMilliseconds(n.Value);
        }

        if (value is HoconString s)
        {
            return DurationFormat.TryParse(s.Value, out var error) ?? throw Error(value, path, $"{error}, got \"{s.Value}\"");
        }

        throw WrongType(value, path, "a duration such as 10s or 100 ms");
    }

    public static long ToBytes(HoconValue value, string path)
    {
        if (value is HoconNumber n)
        {
            return n.AsLong() ?? throw WrongType(value, path, "a whole number of bytes");
        }

        if (value is HoconString s)
        {
            return ByteSizeFormat.TryParse(s.Value, out var error) ?? throw Error(value, path, $"{error}, got \"{s.Value}\"");
        }

        throw WrongType(value, path, "a size such as 512 KiB or 1 GB");
    }

    public static IReadOnlyList<HoconValue> ToList(HoconValue value, string path) => value switch
    {
        HoconArray a => a,
        HoconObject o when NumericallyIndexed(o) is { } list => list,
        _ => throw WrongType(value, path, "a list"),
    };

    /// <summary>An object with non-negative integer keys read as a list ordered by key, or null when it has none.</summary>
    public static IReadOnlyList<HoconValue>? NumericallyIndexed(HoconObject obj)
    {
        var indexed = obj.Fields
            .Select(f => (Ok: int.TryParse(f.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i), Index: i, f.Value))
            .Where(x => x.Ok)
            .OrderBy(x => x.Index)
            .Select(x => x.Value)
            .ToList();
        return indexed.Count == 0 ? null : indexed;
    }

    public static HoconException WrongType(HoconValue value, string path, string expected) =>
        Error(value, path, $"expected {expected}, got {value.Describe()}");

    public static HoconException Error(HoconValue value, string path, string reason) => new(value.Origin, $"{path}: {reason}");
}
