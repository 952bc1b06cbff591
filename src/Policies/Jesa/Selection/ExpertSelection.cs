namespace EdgeMoE.Policies.Jesa.Selection;

/// <summary>The experts chosen for one hidden state.</summary>
/// <param name="Selected">Indices of the selected experts, ascending.</param>
/// <param name="Energy">Σ e_j over the selection, joules.</param>
/// <param name="Score">Σ g_j over the selection (dimensionless, gating scores).</param>
/// <param name="Status">Whether the threshold was met optimally or the Top-D fallback applied.</param>
/// <param name="NodesExplored">Search-tree nodes the branch and bound visited (0 for the fallback).</param>
public sealed record ExpertSelection(int[] Selected, double Energy, double Score, DesStatus Status, long NodesExplored);
