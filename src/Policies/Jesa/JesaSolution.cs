namespace EdgeMoE.Policies.Jesa;

/// <summary>An expert selection and subcarrier assignment for one round, with its energy.</summary>
/// <param name="Selection">[i][n]: the experts (ascending) chosen for hidden state n of expert i.</param>
/// <param name="SubcarrierOfLink">[i][j]: the subcarrier of link i → j, or -1 when the link carries no hidden state.</param>
/// <param name="EnergyCommJ">Σ over links of eq. 3, J.</param>
/// <param name="EnergyCompJ">Σ_j a_j·(hidden states computed at j), J (b_j is constant and left out, as in eq. 9).</param>
/// <param name="Iterations">Block coordinate descent iterations (1 for the one-shot schemes).</param>
/// <param name="Converged">False only when the iteration limit stopped the descent.</param>
/// <param name="FallbackHiddenStates">Hidden states whose threshold could not be met and took the Top-D (Remark 2).</param>
/// <param name="EnergyTrace">Total energy after every half-step of the descent (selection, then assignment), J.</param>
public sealed record JesaSolution(
    int[][][] Selection,
    int[][] SubcarrierOfLink,
    double EnergyCommJ,
    double EnergyCompJ,
    int Iterations,
    bool Converged,
    int FallbackHiddenStates,
    IReadOnlyList<double> EnergyTrace)
{
    /// <summary>Communication plus computation energy, J.</summary>
    public double EnergyJ => EnergyCommJ + EnergyCompJ;
}
