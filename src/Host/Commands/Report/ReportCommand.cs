using System.CommandLine;
using System.Diagnostics;
using EdgeMoE.Host.Cli;
using EdgeMoE.Reports;

namespace EdgeMoE.Host.Commands.Report;

/// <summary>
/// <c>edgemoe report DIR</c>: charts (DIR/charts/*.png, *.svg) and DIR/report.html from a run's or a sweep's files alone;
/// <c>run</c> and <c>sweep</c> call it at their end unless given <see cref="NoReportOption"/>.
/// </summary>
internal static class ReportCommand
{
    /// <summary>The option of <c>run</c> and <c>sweep</c> that skips the report.</summary>
    public const string NoReportOption = "--no-report";

    public static Command Build(CliConsole console)
    {
        var folder = new Argument<DirectoryInfo>("dir") { Description = "A run's folder (metrics.csv or the scenario's files, summary.json, config.conf) or a sweep's (sweep.csv)." };
        var command = new Command("report", "Draw a run's or a sweep's charts and write report.html beside its files.") { folder };
        command.SetAction(parse => Execute(console, parse.GetRequiredValue(folder).ToString()));
        return command;
    }

    /// <summary>The <c>--no-report</c> option, for <c>run</c> and <c>sweep</c>.</summary>
    public static Option<bool> NoReport() => new(NoReportOption) { Description = "Do not draw charts or write report.html at the end." };

    /// <summary>Writes the report of <paramref name="folder"/> and says where on stderr; bad files end as exit code 2.</summary>
    public static int Execute(CliConsole console, string folder)
    {
        var wall = Stopwatch.StartNew();
        var outcome = RunReport.Write(folder);
        console.Error.WriteLine($"report: {outcome.Charts.Count} charts, wrote {outcome.Page} ({wall.Elapsed.TotalSeconds:0.0} s)");
        return ExitCodes.Success;
    }
}
