using EdgeMoE.Actors.Randomness;
using EdgeMoE.Models.Compute;
using EdgeMoE.Policies.Mec;

namespace EdgeMoE.Host.Scenarios.Mec;

/// <summary>The routing rule of a run: the adaptive gate or one of the traditional offloading baselines.</summary>
public static class MecRouting
{
    /// <summary>The routing method of <paramref name="key"/>, with its generator from (seed, stable name).</summary>
    public static IServerChoice For(MecSettings settings, MecRunKey key, IReadOnlyList<MecServer> servers, int gateDimension)
    {
        var random = ActorSeed.ForUser(key.Seed, "mec-coordinator").NewGenerator();
        return key.Method switch
        {
            MecMethods.Moe => new AdaptiveGate(settings.Gate with { Experts = key.Experts, Dimension = gateDimension, StopStep = settings.GateStopFor(key.Experts) }, random),
            MecMethods.Nearest => FixedRankServerChoice.Nearest([.. servers.Select(s => s.DistanceMetres)]),
            MecMethods.MostPowerful => FixedRankServerChoice.MostPowerful([.. servers.Select(s => s.FrequencyHz)]),
            MecMethods.Random => new RandomServerChoice(random),
            _ => throw new ArgumentException($"unknown MEC method {key.Method}", nameof(key)),
        };
    }
}
