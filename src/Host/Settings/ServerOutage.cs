using System.Globalization;

namespace EdgeMoE.Host.Settings;

/// <summary>Server <paramref name="Server"/> (0-based) is unavailable in slots <paramref name="FromSlot"/> ≤ t &lt; <paramref name="ToSlot"/>.</summary>
public sealed record ServerOutage(int Server, long FromSlot, long ToSlot)
{
    /// <summary>Reads <c>"SERVER:FROM-TO"</c>, e.g. <c>"3:50-80"</c>.</summary>
    internal static ServerOutage Parse(string text, int servers, SettingsReader r)
    {
        var parts = text.Split(':', '-');
        var ok = parts.Length == 3;
        var numbers = new long[3];
        for (var i = 0; ok && i < 3; i++)
        {
            ok = long.TryParse(parts[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]);
        }

        ok = ok && numbers[0] < servers && numbers[1] < numbers[2];
        r.Require("outages", ok, $"a list of \"SERVER:FROM-TO\" with 0 <= SERVER < {servers} and FROM < TO", $"\"{text}\"");
        return new ServerOutage((int)numbers[0], numbers[1], numbers[2]);
    }
}
