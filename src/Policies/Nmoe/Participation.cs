namespace EdgeMoE.Policies.Nmoe;

/// <summary>
/// Which clients report in each federated round (a round is a slot): a client is out while one of its outages covers
/// the round, or when its per-round dropout draw falls below the dropout probability. The draws are made once, round
/// by round and client by client, so every federated process of a run sees the same dropouts in the same round.
/// </summary>
public sealed class Participation
{
    private readonly IReadOnlyList<ClientOutage> _outages;
    private readonly bool[][] _dropped;

    /// <summary>Draws the dropouts of rounds 1..<paramref name="rounds"/>.</summary>
    /// <param name="clients">Number of clients (≥ 1).</param>
    /// <param name="rounds">Largest round any process runs (≥ 0).</param>
    /// <param name="dropoutProbability">Probability that a client misses a round, in [0, 1].</param>
    /// <param name="outages">Crashes, each naming a client in range.</param>
    /// <param name="random">The generator of the dropout draws (from the run seed and "nmoe/dropout").</param>
    public Participation(int clients, int rounds, double dropoutProbability, IReadOnlyList<ClientOutage> outages, Random random)
    {
        ArgumentNullException.ThrowIfNull(outages);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(rounds);
        if (!(dropoutProbability is >= 0 and <= 1) || outages.Any(o => (uint)o.Client >= (uint)clients))
        {
            throw new ArgumentException($"participation: dropout probability {dropoutProbability} must lie in [0, 1] and every outage name a client in [0, {clients})");
        }

        Clients = clients;
        _outages = outages;
        _dropped = new bool[rounds][];
        for (var r = 0; r < rounds; r++)
        {
            _dropped[r] = new bool[clients];
            for (var c = 0; c < clients; c++)
            {
                _dropped[r][c] = random.NextDouble() < dropoutProbability;
            }
        }
    }

    /// <summary>Number of clients.</summary>
    public int Clients { get; }

    /// <summary>The clients that report in <paramref name="round"/> (from 1), in ascending order.</summary>
    public IReadOnlyList<int> Reporting(int round)
    {
        if (round < 1 || round > _dropped.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(round), round, $"rounds 1..{_dropped.Length} were drawn");
        }

        return [.. Enumerable.Range(0, Clients).Where(c => !_dropped[round - 1][c] && !_outages.Any(o => o.Client == c && o.Covers(round)))];
    }
}
