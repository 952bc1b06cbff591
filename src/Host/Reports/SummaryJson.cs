using System.Text;
using System.Text.Json;
using EdgeMoE.Host.Commands.Solve;

namespace EdgeMoE.Host.Reports;

/// <summary>
/// <c>summary.json</c>: <c>{"dataset": .., "seed": .., "slots": .., "cells": .., "baseline_frequency": "budgeted", "load": {"demand_per_slot": .., "budgeted_capacity_per_slot": ..,
/// "utilisation": .., "budgeted_capacity_by_server": [..]}, "policies": {"stable-moe": {"cumulative_throughput": ..,
/// "cumulative_arrivals": .., "processed_share": .., "test_accuracy": .., "mean_token_queue": .., "mean_energy_queue": .., "token_queue_growth_last_half": ..,
/// "energy_queue_growth_last_half": .., "mean_energy_j": ..}, ...}}</c>, rewritten after each policy finishes.
/// </summary>
public static class SummaryJson
{
    /// <summary>Writes the file atomically enough for a crash: a complete file for the policies finished so far.</summary>
    /// <param name="cells">Cells of the network (<c>edgemoe.stable-moe.cells</c>).</param>
    /// <param name="baselineFrequency">The baselines' frequency rule (<c>edgemoe.stable-moe.baseline-frequency</c>), e.g. <c>fixed-max</c>.</param>
    public static void Write(string path, string dataset, int seed, long slots, int cells, string baselineFrequency, NetworkLoad load, IReadOnlyList<PolicySummary> policies)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("dataset", dataset);
            json.WriteNumber("seed", seed);
            json.WriteNumber("slots", slots);
            json.WriteNumber("cells", cells);
            json.WriteString("baseline_frequency", baselineFrequency);
            json.WriteStartObject("load");
            json.WriteNumber("demand_per_slot", load.DemandPerSlot);
            json.WriteNumber("budgeted_capacity_per_slot", load.BudgetedCapacityPerSlot);
            json.WriteNumber("utilisation", load.Utilisation);
            json.WriteNumbers("budgeted_capacity_by_server", [.. load.BudgetedCapacities]);
            json.WriteEndObject();
            json.WriteStartObject("policies");
            foreach (var p in policies)
            {
                json.WriteStartObject(p.Policy);
                json.WriteNumber("cumulative_throughput", p.CumulativeThroughput);
                json.WriteNumber("cumulative_arrivals", p.CumulativeArrivals);
                json.WriteNumber("processed_share", p.ProcessedShare);
                json.WriteNumber("test_accuracy", p.TestAccuracy);
                json.WriteNumber("mean_token_queue", p.MeanTokenQueue);
                json.WriteNumber("mean_energy_queue", p.MeanEnergyQueue);
                json.WriteNumber("token_queue_growth_last_half", p.TokenQueueGrowthLastHalf);
                json.WriteNumber("energy_queue_growth_last_half", p.EnergyQueueGrowthLastHalf);
                json.WriteNumber("mean_energy_j", p.MeanEnergyJoules);
                if (p.Tokens is { } tokens)
                {
                    // The token ledger: arrivals = completed + queued_at_end + in_flight_at_end + lost.
                    json.WriteNumber("arrivals", tokens.Arrivals);
                    json.WriteNumber("completed", tokens.Completed);
                    json.WriteNumber("queued_at_end", tokens.Queued);
                    json.WriteNumber("in_flight_at_end", tokens.InFlight);
                    json.WriteNumber("rerouted", tokens.Rerouted);
                    json.WriteNumber("lost", tokens.Lost);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Encoding.UTF8.GetString(stream.ToArray()) + "\n");
        File.Move(temporary, path, overwrite: true);
    }
}
