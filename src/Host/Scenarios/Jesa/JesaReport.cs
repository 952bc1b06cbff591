using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgeMoE.Actors.Jesa.Coordination;

namespace EdgeMoE.Host.Scenarios.Jesa;

/// <summary>
/// The JESA scenario's files: layers.csv (per scheme and layer: energy per token, communication and computation, and
/// the share of hidden states that chose each expert) and summary.json (per scheme: accuracy, energy per token,
/// relative energy to Top-2, energy per layer). Numbers round-trip; no wall-clock values.
/// </summary>
internal static class JesaReport
{
    /// <summary>Energy per token through all layers (Σ over layers of the per-layer energy per token), J.</summary>
    public static double EnergyPerToken(SchemeOutcome o) => PerLayer(o).Sum();

    /// <summary>Communication plus computation energy per token at each layer, J.</summary>
    public static double[] PerLayer(SchemeOutcome o) =>
        o.CommunicationJ.Select((c, l) => (c + o.ComputationJ[l]) / o.TokensPerLayer).ToArray();

    /// <summary>Energy per token relative to Top-2 (NaN without a Top-2 outcome).</summary>
    public static double Relative(SchemeOutcome o, IReadOnlyList<SchemeOutcome> all)
    {
        var top2 = all.FirstOrDefault(x => x.Label == "top-2");
        return top2 is null ? double.NaN : EnergyPerToken(o) / EnergyPerToken(top2);
    }

    /// <summary>Writes layers.csv.</summary>
    public static void WriteLayers(string path, IReadOnlyList<SchemeOutcome> outcomes, int experts)
    {
        var text = new StringBuilder();
        text.Append("scheme,layer,comm_j_per_token,comp_j_per_token,energy_j_per_token,experts_per_token");
        for (var j = 1; j <= experts; j++)
        {
            text.Append(CultureInfo.InvariantCulture, $",share_expert_{j}");
        }

        text.Append('\n');
        foreach (var o in outcomes)
        {
            for (var l = 0; l < o.CommunicationJ.Length; l++)
            {
                var comm = o.CommunicationJ[l] / o.TokensPerLayer;
                var comp = o.ComputationJ[l] / o.TokensPerLayer;
                var chosen = o.Chosen[l];
                var total = chosen.Sum();
                text.Append(CultureInfo.InvariantCulture, $"\"{o.Label}\",{l + 1},{R(comm)},{R(comp)},{R(comm + comp)},{R((double)total / o.TokensPerLayer)}");
                foreach (var c in chosen)
                {
                    text.Append(CultureInfo.InvariantCulture, $",{R(total == 0 ? 0 : (double)c / total)}");
                }

                text.Append('\n');
            }
        }

        File.WriteAllText(path, text.ToString());
    }

    /// <summary>Writes summary.json.</summary>
    public static void WriteSummary(string path, IReadOnlyList<SchemeOutcome> outcomes, IReadOnlyDictionary<string, object> run)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("scenario", "jesa");
        foreach (var (key, value) in run)
        {
            switch (value)
            {
                case double d:
                    json.WriteNumber(key, d);
                    break;
                case int i:
                    json.WriteNumber(key, i);
                    break;
                default:
                    json.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }

        json.WriteStartObject("schemes");
        foreach (var o in outcomes)
        {
            json.WriteStartObject(o.Label);
            json.WriteNumber("accuracy", o.Accuracy);
            json.WriteNumber("energy_per_token_j", EnergyPerToken(o));
            var relative = Relative(o, outcomes);
            if (double.IsFinite(relative))
            {
                json.WriteNumber("relative_energy", relative);
            }

            json.WriteStartArray("energy_per_layer_j");
            foreach (var e in PerLayer(o))
            {
                json.WriteNumberValue(e);
            }

            json.WriteEndArray();
            json.WriteNumber("queries", o.Queries);
            json.WriteNumber("fallback_hidden_states", o.Fallbacks);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
