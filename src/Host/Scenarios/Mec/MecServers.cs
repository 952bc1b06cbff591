using EdgeMoE.Models.Compute;

namespace EdgeMoE.Host.Scenarios.Mec;

/// <summary>The servers of a run, drawn from the seed: server m is the same for every M and method of that seed.</summary>
public static class MecServers
{
    /// <summary>The first <paramref name="count"/> servers of seed <paramref name="seed"/>, each rate, frequency and distance uniform in its range.</summary>
    public static IReadOnlyList<MecServer> Draw(MecSettings settings, int seed, int count)
    {
        var random = DerivedSeeds.For(seed, "mec-servers");
        var servers = new MecServer[count];
        for (var m = 0; m < count; m++)
        {
            var rate = Uniform(random, settings.LinkRate.Min, settings.LinkRate.Max);
            var frequency = Uniform(random, settings.Frequency.Min, settings.Frequency.Max);
            var distance = Uniform(random, settings.Distance.Min, settings.Distance.Max);
            servers[m] = new MecServer(rate, frequency, distance);
        }

        return servers;
    }

    private static double Uniform(Random random, double min, double max) => min + (random.NextDouble() * (max - min));
}
