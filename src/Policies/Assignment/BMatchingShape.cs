namespace EdgeMoE.Policies.Assignment;

/// <summary>The argument checks every concave b-matching solver shares: sizes, K ≤ J and an n × J gain matrix.</summary>
internal static class BMatchingShape
{
    /// <summary>Throws naming the first argument that does not describe an n-token, J-expert instance with K experts per token.</summary>
    public static void Validate(int tokens, int experts, int unitsPerToken, double[] gains)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        ArgumentOutOfRangeException.ThrowIfNegative(experts);
        ArgumentOutOfRangeException.ThrowIfNegative(unitsPerToken);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(unitsPerToken, experts);
        ArgumentNullException.ThrowIfNull(gains);
        if (gains.Length != (long)tokens * experts)
        {
            throw new ArgumentException($"expected {tokens} × {experts} gains, got {gains.Length}", nameof(gains));
        }
    }
}
