namespace EdgeMoE.Policies.Assignment;

/// <summary>A b-matching of tokens to experts from <see cref="ConcaveFlowMatching"/>.</summary>
/// <param name="Assignment">Per token, its distinct experts in ascending order.</param>
/// <param name="Loads">Per expert, the number of tokens it received.</param>
/// <param name="RoundingBound">
/// How far below the optimum the matching's total gain can be because OR-Tools works on costs rounded to integers
/// (same units as the gains); 0 when there was nothing to solve.
/// </param>
public sealed record ConcaveFlowMatchingResult(int[][] Assignment, long[] Loads, double RoundingBound);
