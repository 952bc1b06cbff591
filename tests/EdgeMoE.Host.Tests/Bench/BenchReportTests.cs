using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Commands.Bench;

namespace EdgeMoE.Host.Tests.Bench;

public sealed class BenchReportTests
{
    [Fact]
    public void The_json_line_keeps_the_order_of_measurement_and_writes_undefined_measures_as_null()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var report = new BenchReport(new CliConsole(output, error));
        report.Add("b_per_s", 2.5);
        report.Add("a_ratio", double.NaN);
        Assert.Equal(0, report.Finish(json: true));
        Assert.Equal("{\"b_per_s\":2.5,\"a_ratio\":null}", output.ToString().Trim());
        Assert.Contains("b_per_s", error.ToString());
    }

    [Fact]
    public void Without_json_only_the_readable_lines_are_printed()
    {
        var output = new StringWriter();
        var report = new BenchReport(new CliConsole(output, new StringWriter()));
        report.Add("x_ms", 1);
        report.Finish(json: false);
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Median_and_percentile_follow_their_definitions()
    {
        Assert.Equal(2.5, Timings.Median([4, 1, 3, 2]));
        Assert.Equal(3, Timings.Median([5, 3, 1]));
        Assert.Equal(9, Timings.Percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9));
        Assert.Throws<ArgumentException>(() => Timings.Median([]));
    }
}
