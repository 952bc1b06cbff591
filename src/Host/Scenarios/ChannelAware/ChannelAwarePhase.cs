namespace EdgeMoE.Host.Scenarios.ChannelAware;

/// <summary>What a phase of one K's work does.</summary>
internal enum ChannelAwarePhaseKind
{
    /// <summary>Stage 1: F, G and the experts on ideal links, one unit per epoch.</summary>
    Stage1,

    /// <summary>The naive gate's equal training on ideal links, one unit per epoch.</summary>
    RefineNaive,

    /// <summary>Stage 2 of one mode: G_AW on corrupted features, one unit per epoch.</summary>
    Stage2,

    /// <summary>The SNR sweep of one mode on actors, one unit per point.</summary>
    Evaluate,
}

/// <summary>One phase of a K's work, in order: stage 1, the naive gate's refinement, then per mode stage 2 and its sweep.</summary>
/// <param name="Kind">What it does.</param>
/// <param name="Mode">analog or digital for stage 2 and the sweep; null otherwise.</param>
/// <param name="Units">Its most units (epochs or points); stage 1 may stop earlier.</param>
internal sealed record ChannelAwarePhase(ChannelAwarePhaseKind Kind, string? Mode, int Units)
{
    /// <summary>The phases of one K under <paramref name="scenario"/>.</summary>
    public static IReadOnlyList<ChannelAwarePhase> Of(ChannelAwareSettings scenario)
    {
        var phases = new List<ChannelAwarePhase> { new(ChannelAwarePhaseKind.Stage1, null, scenario.Stage1.Epochs) };
        if (scenario.EqualGateTraining)
        {
            phases.Add(new(ChannelAwarePhaseKind.RefineNaive, null, scenario.Stage2.Epochs));
        }

        foreach (var mode in scenario.Modes)
        {
            phases.Add(new(ChannelAwarePhaseKind.Stage2, mode, scenario.Stage2.Epochs));
            phases.Add(new(ChannelAwarePhaseKind.Evaluate, mode, scenario.SweepDb.Count));
        }

        return phases;
    }
}
