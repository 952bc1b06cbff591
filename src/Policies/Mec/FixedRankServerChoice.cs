namespace EdgeMoE.Policies.Mec;

/// <summary>
/// A traditional MEC offloading rule: the available server that ranks first by a fixed key (nearest: smallest distance;
/// most powerful: highest CPU frequency), ties to the lower index. It never learns from the tasks.
/// </summary>
public sealed class FixedRankServerChoice : IServerChoice
{
    private readonly int[] _order;

    private FixedRankServerChoice(string name, IReadOnlyList<double> keys, bool ascending)
    {
        Name = name;
        _order = [.. Enumerable.Range(0, keys.Count).OrderBy(i => ascending ? keys[i] : -keys[i]).ThenBy(i => i)];
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The nearest available server, by <paramref name="distancesMetres"/>.</summary>
    public static FixedRankServerChoice Nearest(IReadOnlyList<double> distancesMetres) => new(MecMethods.Nearest, distancesMetres, ascending: true);

    /// <summary>The most powerful available server, by <paramref name="frequenciesHz"/>.</summary>
    public static FixedRankServerChoice MostPowerful(IReadOnlyList<double> frequenciesHz) => new(MecMethods.MostPowerful, frequenciesHz, ascending: false);

    /// <inheritdoc />
    public int Choose(ReadOnlySpan<double> featureSum, ReadOnlySpan<bool> available)
    {
        foreach (var server in _order)
        {
            if (available[server])
            {
                return server;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public void Learn(int step, ReadOnlySpan<double> featureSum, int chosen, double modelChange)
    {
    }
}
