namespace EdgeMoE.Policies.Nmoe;

/// <summary>A client that crashes: it misses federated rounds <paramref name="AtRound"/> .. <paramref name="RecoverAtRound"/> − 1.</summary>
/// <param name="Client">The client's index.</param>
/// <param name="AtRound">First missed round (rounds count from 1).</param>
/// <param name="RecoverAtRound">First round it reports again; null: it never comes back.</param>
public sealed record ClientOutage(int Client, int AtRound, int? RecoverAtRound)
{
    /// <summary>Whether the client is down in <paramref name="round"/>.</summary>
    public bool Covers(int round) => round >= AtRound && (RecoverAtRound is not { } back || round < back);
}
