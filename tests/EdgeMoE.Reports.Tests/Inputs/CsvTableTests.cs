using EdgeMoE.Reports.Inputs;

namespace EdgeMoE.Reports.Tests.Inputs;

public sealed class CsvTableTests : IDisposable
{
    private readonly RunFolders _folders = new();

    [Fact]
    public void Quoted_cells_keep_commas_quotes_and_line_breaks_and_lines_are_counted_in_the_file()
    {
        var path = Path.Combine(_folders.Root, "t.csv");
        File.WriteAllText(path, "scheme,layer\r\n\"h(0.6,2)\",1\n\"say \"\"hi\"\"\nthere\",2\n\nplain,x\n");

        var table = CsvTable.Read(path, "scheme");

        Assert.Equal(["h(0.6,2)", "say \"hi\"\nthere", "plain"], table.Rows.Select(r => r.Text("scheme")));
        Assert.Equal([2, 3, 6], table.Rows.Select(r => r.Line));
        Assert.Equal(2, table.Rows[1].Number("layer"));
        Assert.Equal($"{path}:6: column 'layer' holds 'x', expected a number", Assert.Throws<ReportInputException>(() => table.Rows[2].Number("layer")).Message);
    }

    [Fact]
    public void Ragged_rows_and_open_quotes_are_refused_with_their_line()
    {
        var path = Path.Combine(_folders.Root, "r.csv");
        File.WriteAllText(path, "a,b\n1,2\n3\n");
        Assert.Equal($"{path}:3: 1 cells where the header has 2", Assert.Throws<ReportInputException>(() => CsvTable.Read(path)).Message);
        File.WriteAllText(path, "a,b\n1,\"2\n");
        Assert.Equal($"{path}:2: a quoted cell is never closed", Assert.Throws<ReportInputException>(() => CsvTable.Read(path)).Message);
        File.WriteAllText(path, "");
        Assert.Contains("empty file", Assert.Throws<ReportInputException>(() => CsvTable.Read(path)).Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folders.Dispose();
}
