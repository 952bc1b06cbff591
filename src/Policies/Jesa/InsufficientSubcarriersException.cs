namespace EdgeMoE.Policies.Jesa;

/// <summary>
/// JESA gives every link that may carry hidden states its own subcarrier (C3), starting from a random exclusive
/// assignment (Algorithm 2); with fewer subcarriers than such links the problem is out of its scope.
/// </summary>
public sealed class InsufficientSubcarriersException(int subcarriers, int links)
    : ArgumentException($"{subcarriers} subcarriers cannot serve the {links} links that may carry hidden states (one exclusive subcarrier each; links leave every expert holding hidden states).")
{
    /// <summary>M, the subcarriers available.</summary>
    public int Subcarriers { get; } = subcarriers;

    /// <summary>The links that need one.</summary>
    public int Links { get; } = links;
}
