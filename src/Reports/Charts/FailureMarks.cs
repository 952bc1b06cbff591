using EdgeMoE.Reports.Inputs;
using ScottPlot;

namespace EdgeMoE.Reports.Charts;

/// <summary>
/// Marks failures on a chart whose horizontal axis is the slot: a black line where each failed, shaded until it recovered,
/// named in the legend (call before <see cref="ChartWriter.Legend"/>).
/// </summary>
public static class FailureMarks
{
    // Black and grey: no series colour of ScottPlot's palette can be mistaken for a failure.
    private static readonly Color Line = Color.FromHex("#000000");
    private static readonly Color Span = Color.FromHex("#000000").WithAlpha(0.1);

    /// <summary>Adds the marks of <paramref name="events"/> (the same failure seen by several policies is marked once).</summary>
    /// <param name="plot">A plot over slots.</param>
    /// <param name="events">The run's events; those of other policies are left out when <paramref name="policy"/> is given.</param>
    /// <param name="policy">The policy the chart shows, or null for a chart of every policy.</param>
    /// <param name="offset">Added to each slot, e.g. -0.5 when cells are centred on whole slots.</param>
    public static void Add(Plot plot, IReadOnlyList<FailureEvent> events, string? policy = null, double offset = 0)
    {
        var marks = events
            .Where(e => policy is null || e.Policy == policy)
            .Select(e => (e.Slot, e.RecoveredSlot, e.Label))
            .Distinct()
            .OrderBy(e => e.Slot).ThenBy(e => e.Label, StringComparer.Ordinal);
        foreach (var (slot, recovered, label) in marks)
        {
            if (recovered is { } end && end > slot)
            {
                plot.Add.HorizontalSpan(slot + offset, end + offset, Span);
            }

            // Named in the legend: a label on the line would sit on the title or the tick labels.
            var line = plot.Add.VerticalLine(slot + offset, 2, Line);
            line.LegendText = recovered is { } r ? $"{label}: slots {slot}-{r}" : $"{label}: slot {slot}, never recovered";
        }
    }
}
