using System.Text;

namespace EdgeMoE.Reports.Inputs;

/// <summary>A CSV file with a header line, as the run writes it (RFC 4180 quoting, <c>\n</c> or <c>\r\n</c> lines).</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string path, IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
        _columns = header.Select((name, i) => (name, i)).GroupBy(c => c.name).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
    }

    /// <summary>The file the table came from, as given.</summary>
    public string Path { get; }

    /// <summary>Column names in file order.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Data rows in file order.</summary>
    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>Whether the header has <paramref name="name"/>.</summary>
    public bool Has(string name) => _columns.ContainsKey(name);

    /// <summary>The index of column <paramref name="name"/>.</summary>
    /// <exception cref="ReportInputException">The header lacks it.</exception>
    public int Column(string name) =>
        _columns.TryGetValue(name, out var index) ? index : throw new ReportInputException($"{Path}: no column '{name}' in the header");

    /// <summary>Reads <paramref name="path"/>; every row must have as many cells as the header and the header every required column.</summary>
    /// <exception cref="ReportInputException">The file is missing, empty, ragged or lacks a required column.</exception>
    public static CsvTable Read(string path, params string[] required)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportInputException($"{path}: cannot be read ({e.Message})", e);
        }

        var lines = Parse(path, text);
        if (lines.Count == 0)
        {
            throw new ReportInputException($"{path}: empty file, expected a header line");
        }

        var (_, header) = lines[0];
        var rows = new List<CsvRow>(lines.Count - 1);
        var table = new CsvTable(path, header, rows);
        foreach (var (line, cells) in lines.Skip(1))
        {
            if (cells.Length != header.Length)
            {
                throw new ReportInputException($"{path}:{line}: {cells.Length} cells where the header has {header.Length}");
            }

            rows.Add(new CsvRow(table, line, cells));
        }

        foreach (var name in required)
        {
            table.Column(name);
        }

        return table;
    }

    /// <summary>Splits the text into (line number, cells); blank lines are skipped.</summary>
    private static List<(int Line, string[] Cells)> Parse(string path, string text)
    {
        var result = new List<(int, string[])>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var (line, startLine, quoted, any) = (1, 1, false, false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndLine();
                    line++;
                    startLine = line;
                    break;
                default:
                    cell.Append(c);
                    any = true;
                    break;
            }
        }

        if (quoted)
        {
            throw new ReportInputException($"{path}:{startLine}: a quoted cell is never closed");
        }

        EndLine();
        return result;

        void EndLine()
        {
            if (any)
            {
                cells.Add(cell.ToString());
                result.Add((startLine, cells.ToArray()));
            }

            cells.Clear();
            cell.Clear();
            any = false;
        }
    }
}
