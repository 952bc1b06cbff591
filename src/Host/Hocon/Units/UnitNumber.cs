using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeMoE.Hocon.Units;

/// <summary>The spec's "units format": optional whitespace, a number, optional whitespace, optional letters.</summary>
internal static partial class UnitNumber
{
    [GeneratedRegex(@"^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(\p{L}*)\s*$")]
    private static partial Regex Pattern();

    public static bool TryParse(string text, out decimal number, out string unit)
    {
        var match = Pattern().Match(text);
        number = 0;
        unit = "";
        if (!match.Success || !decimal.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            return false;
        }

        unit = match.Groups[2].Value;
        return true;
    }
}
