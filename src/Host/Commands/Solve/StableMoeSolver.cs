using System.Text.Json;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Host.Commands.Solve;

/// <summary>
/// <c>edgemoe solve POLICY --input FILE|-</c> for one Stable-MoE routing policy (stable-moe, random, top-k,
/// queue-aware[-greedy], energy-aware[-greedy]): decides each slot and prints routing, frequencies, loads,
/// completions, energies, the P1 objective and the solve time.
/// </summary>
internal sealed class StableMoeSolver(IRoutingPolicy policy) : JsonSolver<(SlotInstance Slot, int Seed), RoutingDecision>
{
    /// <summary>One solver per policy of <see cref="RoutingPolicyCatalog"/>.</summary>
    public static IEnumerable<ISolver> ForEveryPolicy() => RoutingPolicyCatalog.All.Select(p => new StableMoeSolver(p));

    protected override string Name => policy.Name;

    protected override string Description => $"Stable-MoE slot routing and CPU frequencies by the '{policy.Name}' policy (problem P1).";

    protected override (SlotInstance Slot, int Seed) Read(JsonInstance instance) => StableMoeSlotReader.Read(instance);

    protected override RoutingDecision Solve((SlotInstance Slot, int Seed) input, JsonInstance instance) =>
        policy.Decide(input.Slot, new Random(input.Seed));

    protected override void Write(Utf8JsonWriter writer, RoutingDecision decision, TimeSpan elapsed)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("routing");
        foreach (var route in decision.Routing)
        {
            writer.WriteNumbers(route);
        }

        writer.WriteEndArray();
        writer.WriteNumbers("frequency_hz", decision.FrequencyHz);
        writer.WriteNumbers("routed", decision.Routed);
        writer.WriteNumbers("completed", decision.Completed);
        writer.WriteNumbers("energy_j", decision.EnergyJoules);
        writer.WriteNumber("objective", decision.Objective);
        writer.WriteNumber("solve_ms", elapsed.TotalMilliseconds);
        writer.WriteEndObject();
    }
}
