namespace EdgeMoE.Models.Moe.Federated;

/// <summary>
/// RollGate's pseudo-labels: a fraction p of a client's samples is labelled with its own index, the other 1 − p
/// uniformly with the other clients' indices (dealt in turn after a shuffle, so each other client gets an equal share up
/// to one sample).
/// </summary>
public static class RollGateLabels
{
    /// <summary>A pseudo client index for each of <paramref name="samples"/> local samples of client <paramref name="client"/>.</summary>
    /// <param name="client">The client's index, in [0, clients).</param>
    /// <param name="clients">Number of clients (≥ 1).</param>
    /// <param name="samples">Local samples (≥ 0).</param>
    /// <param name="ownShare">p, in [0, 1]; all samples get the own index when there is one client.</param>
    /// <param name="random">The client's generator.</param>
    public static int[] Draw(int client, int clients, int samples, double ownShare, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        if ((uint)client >= (uint)clients || !(ownShare is >= 0 and <= 1))
        {
            throw new ArgumentException($"RollGate: client {client} of {clients}, own share {ownShare} must lie in [0, 1]");
        }

        var own = clients == 1 ? samples : (int)Math.Round(ownShare * samples, MidpointRounding.ToEven);
        var order = new int[samples];
        for (var i = 0; i < samples; i++)
        {
            order[i] = i;
        }

        Data.FisherYates.Shuffle(random, order.AsSpan());
        var labels = new int[samples];
        for (var j = 0; j < samples; j++)
        {
            var rest = j - own;
            labels[order[j]] = rest < 0 ? client : ((client + 1 + (rest % (clients - 1))) % clients);
        }

        return labels;
    }
}
