using System.Text.Json;
using EdgeMoE.Policies.Jesa.Selection;

namespace EdgeMoE.Host.Commands.Solve;

/// <summary>
/// <c>edgemoe solve des</c>: DES for one hidden state.
/// In: <c>{"scores": [g_j], "energy": [e_j], "threshold": z, "max_experts": D}</c>.
/// Out: <c>{"selected": [j...], "energy", "score", "status": "optimal"|"top-d-fallback", "nodes_explored", "solve_us"}</c>.
/// </summary>
internal sealed class DesSolve : JsonSolver<DesSolve.Problem, ExpertSelection>
{
    private readonly DynamicExpertSelection _solver = new();

    protected override string Name => "des";

    protected override string Description => "Dynamic Expert Selection (JESA Algorithm 1) for one hidden state.";

    protected override Problem Read(JsonInstance instance)
    {
        var scores = instance.Numbers("scores", min: 0);
        var energy = instance.Numbers("energy", scores.Length, min: 0);
        return new Problem(scores, energy, instance.Number("threshold"), instance.Integer("max_experts", min: 1));
    }

    protected override ExpertSelection Solve(Problem problem, JsonInstance instance) =>
        _solver.Solve(problem.Scores, problem.Energy, problem.Threshold, problem.MaxExperts);

    protected override void Write(Utf8JsonWriter writer, ExpertSelection result, TimeSpan elapsed)
    {
        writer.WriteStartObject();
        writer.WriteNumbers("selected", result.Selected);
        writer.WriteNumber("energy", result.Energy);
        writer.WriteNumber("score", result.Score);
        writer.WriteString("status", result.Status == DesStatus.Optimal ? "optimal" : "top-d-fallback");
        writer.WriteNumber("nodes_explored", result.NodesExplored);
        writer.WriteNumber("solve_us", elapsed.TotalMicroseconds);
        writer.WriteEndObject();
    }

    internal sealed record Problem(double[] Scores, double[] Energy, double Threshold, int MaxExperts);
}
