namespace EdgeMoE.Policies.Assignment;

/// <summary>An optimal b-matching of tokens to experts.</summary>
/// <param name="Assignment">Per token, its distinct experts in ascending order.</param>
/// <param name="Loads">Per expert, the number of tokens it received.</param>
/// <param name="Augmentations">Shortest augmenting paths run (tokens × units per token).</param>
public sealed record ConcaveBMatchingResult(int[][] Assignment, long[] Loads, long Augmentations);
