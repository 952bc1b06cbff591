using System.Text.Json;
using EdgeMoE.Hocon;

namespace EdgeMoE.Reports.Inputs;

/// <summary>
/// What a report reads from a run's folder, and nothing else: the resolved configuration (config.conf), summary.json and
/// events.csv of a run, or sweep.csv (and the first point's config.conf) of a sweep. Scenario files are read by the
/// chart sets that need them.
/// </summary>
public sealed class RunFolder
{
    /// <summary>The file a sweep writes at its top.</summary>
    public const string SweepFile = "sweep.csv";

    private RunFolder(string path, string scenario, bool sweep, string configPath, string configText, JsonElement? summary, IReadOnlyList<FailureEvent> events)
    {
        Path = path;
        Scenario = scenario;
        IsSweep = sweep;
        ConfigPath = configPath;
        ConfigText = configText;
        Summary = summary;
        Events = events;
    }

    /// <summary>The folder, as given.</summary>
    public string Path { get; }

    /// <summary>The scenario that wrote it (<c>edgemoe.run.scenario</c>), e.g. stable-moe.</summary>
    public string Scenario { get; }

    /// <summary>Whether the folder is a sweep's (sweep.csv and runs/), not one run's.</summary>
    public bool IsSweep { get; }

    /// <summary>The configuration file shown in the report (a sweep's: its first point's).</summary>
    public string ConfigPath { get; }

    /// <summary>That file's text, as written.</summary>
    public string ConfigText { get; }

    /// <summary>The root of summary.json (null for a sweep).</summary>
    public JsonElement? Summary { get; }

    /// <summary>Failure events of events.csv; none when the run has no such file.</summary>
    public IReadOnlyList<FailureEvent> Events { get; }

    /// <summary>A file of the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Reads the folder's common files.</summary>
    /// <exception cref="ReportInputException">The folder or a file it needs is missing or malformed.</exception>
    public static RunFolder Open(string path)
    {
        if (!Directory.Exists(path))
        {
            throw new ReportInputException($"{path}: no such run folder");
        }

        var sweep = System.IO.Path.Combine(path, SweepFile);
        if (System.IO.File.Exists(sweep))
        {
            var table = CsvTable.Read(sweep, "point", "policy");
            var first = table.Rows.FirstOrDefault() ?? throw new ReportInputException($"{sweep}: no rows, expected one per point and policy");
            var pointConfig = System.IO.Path.Combine(path, "runs", first.Text("point"), "config.conf");
            var (scenario, text) = ReadConfig(pointConfig);
            return new RunFolder(path, scenario, true, pointConfig, text, null, []);
        }

        var config = System.IO.Path.Combine(path, "config.conf");
        var summary = System.IO.Path.Combine(path, "summary.json");
        if (!System.IO.File.Exists(config) && !System.IO.File.Exists(summary))
        {
            throw new ReportInputException($"{path}: not a run folder (no config.conf, summary.json or {SweepFile})");
        }

        var (name, configText) = ReadConfig(config);
        return new RunFolder(path, name, false, config, configText, ReadJson(summary), FailureEvent.Read(path));
    }

    /// <summary>Parses a JSON file of the run.</summary>
    /// <exception cref="ReportInputException">It is missing or not JSON.</exception>
    public static JsonElement ReadJson(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new ReportInputException($"{path}: missing (every run writes it)");
        }

        try
        {
            using var json = JsonDocument.Parse(System.IO.File.ReadAllBytes(path));
            return json.RootElement.ValueKind == JsonValueKind.Object
                ? json.RootElement.Clone()
                : throw new ReportInputException($"{path}: expected a JSON object at the top, found {json.RootElement.ValueKind}");
        }
        catch (JsonException e)
        {
            throw new ReportInputException($"{path}: not valid JSON ({e.Message})", e);
        }
    }

    private static (string Scenario, string Text) ReadConfig(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new ReportInputException($"{path}: missing (every run writes its resolved configuration there)");
        }

        var text = System.IO.File.ReadAllText(path);
        try
        {
            var config = Config.Parse(text, path);
            const string key = "edgemoe.run.scenario";
            return config.HasPath(key)
                ? (config.GetString(key), text)
                : throw new ReportInputException($"{path}: no {key}, so the report cannot tell which scenario wrote the folder");
        }
        catch (HoconException e)
        {
            throw new ReportInputException($"not a valid configuration: {e.Message}", e); // the message starts with FILE:LINE
        }
    }
}
