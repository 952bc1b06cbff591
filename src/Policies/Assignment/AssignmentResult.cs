namespace EdgeMoE.Policies.Assignment;

/// <summary>An optimal assignment of rows to columns.</summary>
/// <param name="ColumnOfRow">The column given to each row, or -1 when the row gets none (only when rows outnumber columns).</param>
/// <param name="Cost">Σ cost[row, ColumnOfRow[row]] over the assigned rows.</param>
public sealed record AssignmentResult(int[] ColumnOfRow, double Cost);
