using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using EdgeMoE.Host.Cli;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Host.Commands.Solve;

/// <summary>
/// <c>edgemoe solve POLICY --input FILE|-</c> for one Stable-MoE routing policy (stable-moe, random, top-k,
/// queue-aware[-greedy], energy-aware[-greedy]): decides each slot and prints routing, frequencies, loads,
/// completions, energies, the P1 objective and the solve time.
/// </summary>
internal sealed class StableMoeSolver(IRoutingPolicy policy) : ISolver
{
    /// <summary>One solver per policy of <see cref="RoutingPolicyCatalog"/>.</summary>
    public static IEnumerable<ISolver> ForEveryPolicy() => RoutingPolicyCatalog.All.Select(p => new StableMoeSolver(p));

    public Command Build(CliConsole console)
    {
        var input = SolveCommand.InputOption();
        var command = new Command(policy.Name, $"Stable-MoE slot routing and CPU frequencies by the '{policy.Name}' policy (problem P1).")
        {
            input,
        };
        command.SetAction(parse => Execute(console, parse.GetRequiredValue(input)));
        return command;
    }

    private int Execute(CliConsole console, string inputPath)
    {
        var instances = JsonInstances.Read(inputPath, console.Input);
        var slots = instances.Items.Select(StableMoeSlotReader.Read).ToArray();
        var results = new List<(RoutingDecision Decision, double Milliseconds)>(slots.Length);
        foreach (var (slot, seed) in slots)
        {
            var random = new Random(seed);
            var watch = Stopwatch.StartNew();
            var decision = policy.Decide(slot, random);
            watch.Stop();
            results.Add((decision, watch.Elapsed.TotalMilliseconds));
        }

        JsonResults.Write(console.Out, instances, results, Write);
        return ExitCodes.Success;
    }

    private static void Write(Utf8JsonWriter writer, (RoutingDecision Decision, double Milliseconds) result)
    {
        var decision = result.Decision;
        writer.WriteStartObject();
        writer.WriteStartArray("routing");
        foreach (var route in decision.Routing)
        {
            writer.WriteStartArray();
            foreach (var j in route)
            {
                writer.WriteNumberValue(j);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        WriteArray(writer, "frequency_hz", decision.FrequencyHz);
        WriteArray(writer, "routed", decision.Routed);
        WriteArray(writer, "completed", decision.Completed);
        WriteArray(writer, "energy_j", decision.EnergyJoules);
        writer.WriteNumber("objective", decision.Objective);
        writer.WriteNumber("solve_ms", result.Milliseconds);
        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, double[] values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, long[] values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }
}
