namespace EdgeMoE.Policies.Nmoe;

/// <summary>FedGate's client scheduling: each round a random fraction of the clients (of those available) trains.</summary>
public static class ClientSampling
{
    /// <summary>
    /// round(<paramref name="fraction"/> · <paramref name="clients"/>) clients (at least one) drawn without replacement from
    /// <paramref name="available"/>, fewer when fewer are available; returned in ascending order.
    /// </summary>
    public static IReadOnlyList<int> Choose(IReadOnlyList<int> available, int clients, double fraction, Random random)
    {
        ArgumentNullException.ThrowIfNull(available);
        ArgumentNullException.ThrowIfNull(random);
        if (!(fraction is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "the fraction of clients must lie in (0, 1]");
        }

        var wanted = Math.Min(available.Count, Math.Max(1, (int)Math.Round(fraction * clients, MidpointRounding.ToEven)));
        var pool = available.ToArray();
        for (var i = 0; i < wanted; i++)
        {
            var j = i + random.Next(pool.Length - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return [.. pool.Take(wanted).Order()];
    }
}
