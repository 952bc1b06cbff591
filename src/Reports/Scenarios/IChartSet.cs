using EdgeMoE.Reports.Charts;
using EdgeMoE.Reports.Inputs;

namespace EdgeMoE.Reports.Scenarios;

/// <summary>The charts of one scenario (or of sweeps), drawn from the run folder's files.</summary>
public interface IChartSet
{
    /// <summary>Whether these charts are for <paramref name="folder"/>.</summary>
    bool Applies(RunFolder folder);

    /// <summary>Draws the charts whose files the folder has; a file that is there but malformed is a <see cref="ReportInputException"/>.</summary>
    void Draw(RunFolder folder, ChartWriter writer);
}
