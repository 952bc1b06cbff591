namespace EdgeMoE.Actors.Jesa.Coordination;

/// <summary>What one scheme's emulation measured over all its rounds.</summary>
/// <param name="Label">The scheme's label, e.g. "jesa(0.92,2)".</param>
/// <param name="Queries">Queries (test images) classified.</param>
/// <param name="Correct">Of them, classified right.</param>
/// <param name="TokensPerLayer">Hidden states per layer over the run (queries × tokens).</param>
/// <param name="CommunicationJ">Per layer, the eq. 3 energy of every forward transmission, J.</param>
/// <param name="ComputationJ">Per layer, the eq. 4 energy (b_j = 0) of every expert computation, J.</param>
/// <param name="Chosen">Per layer and expert j, how many hidden states chose j.</param>
/// <param name="Fallbacks">Hidden states whose threshold the Top-D could not meet (Remark 2), over all layers.</param>
public sealed record SchemeOutcome(
    string Label, int Queries, int Correct, long TokensPerLayer, double[] CommunicationJ, double[] ComputationJ, long[][] Chosen, long Fallbacks)
{
    /// <summary>Fraction classified right.</summary>
    public double Accuracy => Queries == 0 ? 0 : (double)Correct / Queries;
}

/// <summary>Host → coordinator: run every round and answer with the <see cref="SchemeOutcome"/>.</summary>
public sealed record RunScheme;
