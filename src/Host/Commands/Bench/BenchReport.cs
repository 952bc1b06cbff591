using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Commands.Bench;

/// <summary>
/// The numbers one <c>bench</c> area measured, in the order measured. Each is shown on stderr as it comes; with
/// <c>--json</c> they are printed together as one flat JSON object, the last line on stdout, for scripts.
/// </summary>
internal sealed class BenchReport(CliConsole console)
{
    private readonly List<(string Key, double Value)> _numbers = [];

    /// <summary>Records <paramref name="value"/> under <paramref name="key"/> (snake_case with its unit, e.g. <c>ask_roundtrip_us</c>).</summary>
    public void Add(string key, double value)
    {
        _numbers.Add((key, value));
        console.Error.WriteLine($"{key,-40} {value.ToString("G6", CultureInfo.InvariantCulture)}");
    }

    /// <summary>Prints the JSON line when <paramref name="json"/> is set; returns the exit code.</summary>
    public int Finish(bool json)
    {
        if (json)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                foreach (var (key, value) in _numbers)
                {
                    // JSON has no NaN or infinity: an undefined measure (e.g. a ratio over zero) is null.
                    if (double.IsFinite(value))
                    {
                        writer.WriteNumber(key, value);
                    }
                    else
                    {
                        writer.WriteNull(key);
                    }
                }

                writer.WriteEndObject();
            }

            console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }

        return ExitCodes.Success;
    }
}
