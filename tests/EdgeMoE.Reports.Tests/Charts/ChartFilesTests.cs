using EdgeMoE.Reports.Charts;
using EdgeMoE.Reports.Fonts;
using EdgeMoE.Reports.Scenarios;

namespace EdgeMoE.Reports.Tests.Charts;

public sealed class ChartFilesTests
{
    [Fact]
    public void Clip_ids_are_renumbered_by_first_appearance()
    {
        const string svg = "<clipPath id=\"cl_b\"/><g clip-path=\"url(#cl_b)\"/><clipPath id=\"cl_1f\"/><g clip-path=\"url(#cl_1f)\"/><text>cl_b stays</text>";

        Assert.Equal(
            "<clipPath id=\"clip0\"/><g clip-path=\"url(#clip0)\"/><clipPath id=\"clip1\"/><g clip-path=\"url(#clip1)\"/><text>cl_b stays</text>",
            SvgClipIds.Renumber(svg));
    }

    [Fact]
    public void Every_font_name_resolves_to_the_bundled_face()
    {
        BundledFont.Register();

        Assert.Equal("DejaVu Sans", ScottPlot.Fonts.GetTypeface("No Such Font Anywhere", bold: false, italic: false).FamilyName);
        Assert.Equal("DejaVu Sans", ScottPlot.Fonts.GetTypeface(ScottPlot.Fonts.Default, bold: true, italic: false).FamilyName);
        Assert.True(BundledFont.ReadBytes().Length > 100_000);
    }

    [Fact]
    public void Error_bars_are_the_sample_standard_deviation_over_seeds()
    {
        Assert.Equal((2.0, 0.0), SweepCharts.MeanAndDeviation([2.0]));
        var (mean, deviation) = SweepCharts.MeanAndDeviation([1.0, 2.0, 3.0]);
        Assert.Equal(2.0, mean, 12);
        Assert.Equal(1.0, deviation, 12);
    }
}
