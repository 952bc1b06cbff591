using System.Globalization;
using System.Text;

namespace EdgeMoE.Host.Reports;

/// <summary>
/// <c>events.csv</c>: one row per failure and policy, <c>policy,slot,kind,target,detected_slot,recovered_slot</c>
/// (recovered_slot empty when the run ended first), rewritten whole after each policy finishes.
/// </summary>
public static class EventsCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "policy,slot,kind,target,detected_slot,recovered_slot";

    /// <summary>Writes the file (temporary file, then rename) with the events of the finished policies, in report order.</summary>
    public static void Write(string path, IEnumerable<FailureEvent> events)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var e in events)
        {
            text.Append(CultureInfo.InvariantCulture, $"{e.Policy},{e.Slot},{e.Kind},{e.Target},{e.DetectedSlot},{e.RecoveredSlot?.ToString(CultureInfo.InvariantCulture) ?? ""}\n");
        }

        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text.ToString());
        File.Move(temporary, path, overwrite: true);
    }
}
