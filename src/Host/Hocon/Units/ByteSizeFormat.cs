using System.Numerics;

namespace EdgeMoE.Hocon.Units;

/// <summary>Sizes in bytes: a bare number is bytes; <c>kB</c>/<c>MB</c>... are powers of ten, <c>K</c>/<c>KiB</c>... powers of two.</summary>
public static class ByteSizeFormat
{
    private static readonly Dictionary<string, BigInteger> BytesPerUnit = Build();

    /// <summary>Parses <c>512 KiB</c>, <c>1 GB</c>, <c>10</c> (bytes).</summary>
    /// <returns>The size in bytes, or null with <paramref name="error"/> set.</returns>
    public static long? TryParse(string text, out string error)
    {
        error = "";
        if (!UnitNumber.TryParse(text, out var number, out var unit))
        {
            error = "expected a size such as 512 KiB or 1 GB";
            return null;
        }

        if (!BytesPerUnit.TryGetValue(unit.Length == 0 ? "B" : unit, out var scale))
        {
            error = $"unknown size unit '{unit}' (use B, kB, MB, GB, K, KiB, MiB, GiB or their long names)";
            return null;
        }

        // Exact arithmetic: the fraction is applied to the integer scale without rounding through double.
        var bits = decimal.GetBits(number);
        var exponent = (bits[3] >> 16) & 0xFF;
        var mantissa = (new BigInteger((uint)bits[2]) << 64) | (new BigInteger((uint)bits[1]) << 32) | new BigInteger((uint)bits[0]);
        if (bits[3] < 0)
        {
            mantissa = -mantissa;
        }

        var bytes = BigInteger.Divide(mantissa * scale, BigInteger.Pow(10, exponent));
        if (bytes > long.MaxValue || bytes < long.MinValue)
        {
            error = "size does not fit in 64 bits";
            return null;
        }

        return (long)bytes;
    }

    private static Dictionary<string, BigInteger> Build()
    {
        var table = new Dictionary<string, BigInteger>(StringComparer.Ordinal);
        foreach (var name in new[] { "B", "b", "byte", "bytes" })
        {
            table[name] = 1;
        }

        string[] decimalNames = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] binaryNames = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"];
        const string letters = "KMGTPEZY";
        for (var i = 0; i < letters.Length; i++)
        {
            var power10 = BigInteger.Pow(1000, i + 1);
            var power2 = BigInteger.Pow(1024, i + 1);
            var letter = letters[i].ToString();
            var prefix = i == 0 ? "k" : letter;
            foreach (var name in new[] { prefix + "B", decimalNames[i] + "byte", decimalNames[i] + "bytes" })
            {
                table[name] = power10;
            }

            foreach (var name in new[] { letter, letter.ToLowerInvariant(), letter + "i", letter + "iB", binaryNames[i] + "byte", binaryNames[i] + "bytes" })
            {
                table[name] = power2;
            }
        }

        return table;
    }
}
