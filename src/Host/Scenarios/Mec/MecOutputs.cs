using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgeMoE.Actors.Mec;

namespace EdgeMoE.Host.Scenarios.Mec;

/// <summary>Writes errors.csv (G_t of every run) and summary.json; the same runs give the same bytes.</summary>
public static class MecOutputs
{
    /// <summary>errors.csv: <c>method,experts,seed,step,error</c>, runs in sweep order, steps from 1.</summary>
    public static void WriteErrors(string path, IReadOnlyList<MecRunKey> keys, IReadOnlyList<MecRunResult> results)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine("method,experts,seed,step,error");
        for (var r = 0; r < keys.Count; r++)
        {
            var (key, errors) = (keys[r], results[r].Errors);
            var prefix = string.Create(CultureInfo.InvariantCulture, $"{key.Method},{key.Experts},{key.Seed},");
            for (var t = 0; t < errors.Count; t++)
            {
                writer.Write(prefix);
                writer.Write((t + 1).ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.WriteLine(errors[t].ToString("R", CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>summary.json: the sweep's derived levels, one object per run and one per (method, M) for the seeds' mean curve.</summary>
    public static void WriteSummary(string path, MecSettings settings, MecDerived derived, IReadOnlyList<MecRunSummary> runs, IReadOnlyList<MecSeedMean> means)
    {
        using var stream = File.Create(path);
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("scenario", "mec");
            json.WriteString("task_family", settings.TaskFamily);
            json.WriteNumber("tasks", settings.Tasks);
            json.WriteNumber("clusters", derived.Clusters);
            if (derived.Sigma0ErrorLevel is { } level)
            {
                json.WriteNumber("sigma0_error_level", level);
            }
            else
            {
                json.WriteNull("sigma0_error_level");
            }

            json.WriteNumber("minimum_experts", derived.MinimumExperts);
            json.WriteNumber("longest_busy_steps", derived.LongestBusySteps);
            json.WriteNumber("convergence_fraction", settings.ConvergenceFraction);
            json.WriteStartArray("runs");
            foreach (var run in runs)
            {
                json.WriteStartObject();
                json.WriteString("method", run.Key.Method);
                json.WriteNumber("experts", run.Key.Experts);
                json.WriteNumber("seed", run.Key.Seed);
                json.WriteNumber("initial_error", run.InitialError);
                json.WriteNumber("final_error", run.FinalError);
                WriteNullable(json, "convergence_step", run.ConvergenceStep);
                json.WriteNumber("dropped_tasks", run.Dropped);
                WriteNullable(json, "gate_stop_step", run.GateStopStep);
                WriteNullable(json, "gate_stopped_at", run.GateStoppedAt);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("seed_means");
            foreach (var mean in means)
            {
                json.WriteStartObject();
                json.WriteString("method", mean.Method);
                json.WriteNumber("experts", mean.Experts);
                json.WriteNumber("seeds", mean.Seeds);
                json.WriteNumber("initial_error", mean.InitialError);
                json.WriteNumber("final_error", mean.FinalError);
                WriteNullable(json, "convergence_step", mean.ConvergenceStep);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
