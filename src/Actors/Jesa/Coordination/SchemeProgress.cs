namespace EdgeMoE.Actors.Jesa.Coordination;

/// <summary>
/// A scheme's partial metrics after whole rounds: what a checkpoint holds of it. Nodes and links keep nothing from one
/// round to the next (channels are drawn per round and layer), so this is all a scheme needs to continue.
/// </summary>
/// <param name="Round">Rounds done.</param>
/// <param name="Correct">Queries classified right so far.</param>
/// <param name="Fallbacks">Hidden states whose threshold the Top-D could not meet, so far.</param>
/// <param name="CommunicationJ">Per layer, communication energy so far, J.</param>
/// <param name="ComputationJ">Per layer, computation energy so far, J.</param>
/// <param name="Chosen">Per layer and expert, hidden states that chose it so far.</param>
public sealed record SchemeProgress(int Round, int Correct, long Fallbacks, double[] CommunicationJ, double[] ComputationJ, long[][] Chosen);

/// <summary>Coordinator → its requester: the scheme paused after <see cref="SchemeProgress.Round"/> rounds for a checkpoint.</summary>
public sealed record SchemePaused(SchemeProgress Progress);

/// <summary>Requester → coordinator: the checkpoint is written, go on with the next round.</summary>
public sealed record ContinueScheme;
