using System.Text.RegularExpressions;
using EdgeMoE.Reports.Html;

namespace EdgeMoE.Reports.Tests.Browser;

/// <summary>report.html opened from disk by a real browser: every image loads and the summary table is there.</summary>
public sealed partial class ReportInBrowserTests : IDisposable
{
    // Run after the page's load event: the images' state and the summary table, written into the DOM that --dump-dom prints.
    private const string Probe = """
        <script>
        window.addEventListener('load', function () {
          var images = Array.prototype.slice.call(document.images);
          var broken = images.filter(function (i) { return !(i.complete && i.naturalWidth > 0); }).map(function (i) { return i.getAttribute('src'); });
          var rows = document.querySelectorAll('table#summary tbody tr').length;
          var out = document.createElement('pre');
          out.id = 'browser-check';
          out.textContent = 'images=' + images.length + ';broken=' + broken.join('|') + ';summary-rows=' + rows + ';';
          document.body.appendChild(out);
        });
        </script>
        """;

    private readonly RunFolders _folders = new();

    [Fact]
    public void Chromium_loads_every_chart_of_the_page_and_finds_the_summary_table()
    {
        var outcome = RunReport.Write(_folders.StableMoe("run", events: "policy,slot,kind,target,detected_slot,recovered_slot\nstable-moe,1,crash,expert-1,2,3\n"));

        var check = Check(outcome.Page);

        Assert.Equal(outcome.Charts.Count, check.Images);
        Assert.Equal(8, check.Images);
        Assert.Equal("", check.Broken);
        Assert.Equal(2, check.SummaryRows); // the policies table: stable-moe and random
    }

    [Fact]
    public void A_missing_chart_file_is_seen_as_a_broken_image()
    {
        var outcome = RunReport.Write(_folders.StableMoe("run"));
        File.Delete(Path.Combine(Path.GetDirectoryName(outcome.Page)!, outcome.Charts[2].Png));

        var check = Check(outcome.Page);

        Assert.Equal(outcome.Charts[2].Png, check.Broken);
    }

    /// <summary>Opens a copy of the page with <see cref="Probe"/> added, beside the original so its relative links hold.</summary>
    private static (int Images, string Broken, int SummaryRows) Check(string page)
    {
        var html = File.ReadAllText(page);
        Assert.Contains($"<table id=\"{ReportPage.SummaryId}\">", html, StringComparison.Ordinal);
        var probe = Path.Combine(Path.GetDirectoryName(page)!, "browser-check.html");
        File.WriteAllText(probe, html.Replace("</body>", Probe + "</body>", StringComparison.Ordinal));

        var dom = HeadlessChromium.DumpDom(probe);

        var found = Result().Match(dom);
        Assert.True(found.Success, $"the probe left no result in the DOM chromium printed:\n{dom[..Math.Min(dom.Length, 2000)]}");
        return (int.Parse(found.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), found.Groups[2].Value,
            int.Parse(found.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("<pre id=\"browser-check\">images=([0-9]+);broken=([^;]*);summary-rows=([0-9]+);</pre>")]
    private static partial Regex Result();

    public void Dispose() => _folders.Dispose();
}
