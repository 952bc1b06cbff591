using System.Text.Json;
using EdgeMoE.Policies.Assignment;

namespace EdgeMoE.Host.Commands.Solve;

/// <summary>
/// <c>edgemoe solve assignment</c>: exact rectangular linear assignment.
/// In: <c>{"cost": [[...] n rows × m columns]}</c>. Out: <c>{"assignment": [column or -1 per row], "cost", "solve_ms"}</c>.
/// </summary>
internal sealed class AssignmentSolve : JsonSolver<AssignmentSolve.Problem, AssignmentResult>
{
    protected override string Name => "assignment";

    protected override string Description => "Minimum-cost assignment of rows to distinct columns (n > m: m rows get one).";

    protected override Problem Read(JsonInstance instance)
    {
        var rows = instance.Matrix("cost");
        var columns = rows.Length == 0 ? 0 : rows[0].Length;
        var flat = new double[rows.Length * columns];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i].CopyTo(flat, i * columns);
        }

        return new Problem(flat, rows.Length, columns);
    }

    protected override AssignmentResult Solve(Problem problem, JsonInstance instance) =>
        LinearAssignment.Solve(problem.RowMajorCost, problem.Rows, problem.Columns);

    protected override void Write(Utf8JsonWriter writer, AssignmentResult result, TimeSpan elapsed)
    {
        writer.WriteStartObject();
        writer.WriteNumbers("assignment", result.ColumnOfRow);
        writer.WriteNumber("cost", result.Cost);
        writer.WriteNumber("solve_ms", elapsed.TotalMilliseconds);
        writer.WriteEndObject();
    }

    internal sealed record Problem(double[] RowMajorCost, int Rows, int Columns);
}
