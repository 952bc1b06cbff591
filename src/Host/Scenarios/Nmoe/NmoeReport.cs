using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgeMoE.Actors.Nmoe;
using EdgeMoE.Policies.Nmoe;

namespace EdgeMoE.Host.Scenarios.Nmoe;

/// <summary>The scenario's files (rounds.csv, summary.json) and its stdout table.</summary>
internal static class NmoeReport
{
    /// <summary>Names of the processes in rounds.csv.</summary>
    public static string ProcessName(FederatedTask task) => task switch
    {
        FederatedTask.FedCe => "fedce",
        FederatedTask.FedSc => "fedsc",
        FederatedTask.FedAvg => "fedavg",
        FederatedTask.FedGateOnFedCe => "fedce+fedgate",
        FederatedTask.FedGateOnFedSc => "fedsc+fedgate",
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "unknown federated task"),
    };

    /// <summary>
    /// rounds.csv: one row per (partition, process, round): the clients out of the round (dropout or crash), the clients that
    /// trained and were averaged, their mean loss, the mean test metrics of their models after local training (FedCE:
    /// extractor and own head; FedAvg: its copy of the global classifier; empty for FedSC and FedGate) and the bits uploaded.
    /// </summary>
    public static void WriteRounds(string path, IReadOnlyList<(string Partition, Participation Participation, IReadOnlyList<RoundRecord> Rounds)> partitions)
    {
        var text = new StringBuilder("partition,process,round,dropped,trained,trained_count,mean_loss,accuracy,f1,auc,upload_bits\n");
        foreach (var (partition, participation, rounds) in partitions)
        {
            foreach (var r in rounds)
            {
                var reporting = participation.Reporting(r.Round);
                var dropped = Enumerable.Range(0, participation.Clients).Where(c => !reporting.Contains(c));
                text.Append(CultureInfo.InvariantCulture,
                    $"{partition},{ProcessName(r.Task)},{r.Round},{string.Join(';', dropped)},{string.Join(';', r.Selected)},{r.Selected.Count},{Number(r.MeanLoss)},");
                text.Append(CultureInfo.InvariantCulture,
                    $"{(r.Metrics is { } m ? Number(m.Accuracy) : "")},{(r.Metrics is { } f ? Number(f.F1) : "")},{(r.Metrics is { } a ? Number(a.Auc) : "")},{r.UploadBits}\n");
            }
        }

        File.WriteAllText(path, text.ToString());
    }

    /// <summary>
    /// gating.csv: per gated method and partition, how many of client c's test samples its gate sent to the expert of
    /// client e (<c>partition,method,client,expert,samples</c>), the routing of the paper's gating heatmap.
    /// </summary>
    public static void WriteGating(string path, IReadOnlyList<NmoeMethodResult> results)
    {
        var text = new StringBuilder("partition,method,client,expert,samples\n");
        foreach (var r in results.Where(r => r.Gating is not null))
        {
            for (var c = 0; c < r.Gating!.Count; c++)
            {
                for (var e = 0; e < r.Gating[c].Count; e++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{r.Partition},{r.Method},{c},{e},{r.Gating[c][e]}\n");
                }
            }
        }

        File.WriteAllText(path, text.ToString());
    }

    /// <summary>summary.json: <c>methods</c> keyed by method label, then by partition label, each with accuracy, f1, auc (fractions).</summary>
    public static void WriteSummary(string path, string dataset, int seed, NmoeSettings settings, IReadOnlyList<NmoeMethodResult> results)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("scenario", "nmoe");
        json.WriteString("dataset", dataset);
        json.WriteNumber("seed", seed);
        json.WriteNumber("clients", settings.Clients);
        json.WriteNumber("train_per_client", settings.TrainPerClient);
        json.WriteNumber("test_per_client", settings.TestPerClient);
        json.WriteNumber("dominant_share", settings.DominantShare);
        json.WriteStartObject("methods");
        foreach (var method in NmoeMethods.All)
        {
            json.WriteStartObject(method);
            foreach (var r in results.Where(r => r.Method == method))
            {
                json.WriteStartObject(r.Partition);
                json.WriteNumber("accuracy", r.Accuracy);
                json.WriteNumber("f1", r.F1);
                json.WriteNumber("auc", r.Auc);
                json.WriteNumber("local_ratio", r.LocalRatio);
                json.WriteNumber("link_bits", r.LinkBits);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The results table: one row per method and partition, metrics in percent.</summary>
    public static string Table(IReadOnlyList<NmoeMethodResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"method",-16} {"partition",-14} {"acc %",7} {"F1 %",7} {"AUC %",7} {"LR %",6} {"link Mbit",10}");
        foreach (var r in results.OrderBy(r => NmoeMethods.All.ToList().IndexOf(r.Method)))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{r.Method,-16} {r.Partition,-14} {100 * r.Accuracy,7:0.00} {100 * r.F1,7:0.00} {100 * r.Auc,7:0.00} {100 * r.LocalRatio,6:0.0} {r.LinkBits / 1e6,10:0.00}");
        }

        return text.ToString();
    }

    private static string Number(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);
}
