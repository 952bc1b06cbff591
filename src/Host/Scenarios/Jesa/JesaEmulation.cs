using EdgeMoE.Actors.Jesa.Coordination;
using EdgeMoE.Actors.Jesa.Links;
using EdgeMoE.Host.Settings;
using EdgeMoE.Models.Data;
using EdgeMoE.Models.Vit;

namespace EdgeMoE.Host.Scenarios.Jesa;

/// <summary>
/// Runs every scheme of the JESA scenario at one site (a fresh actor system here, or a cluster whose edge members host
/// the expert nodes and their links): per scheme K expert nodes (each with its own copy of the weights), K(K−1) links
/// and a coordinator, all schemes at once on the same queries and the same channels.
/// </summary>
internal static class JesaEmulation
{
    /// <summary>The outcomes of <paramref name="settings"/>' schemes, in their order.</summary>
    /// <param name="weightsPath">The weights; every member loads them from this path, so it must exist on each.</param>
    /// <param name="checkpoints">Where the schemes resume, when they pause for a checkpoint, and how it is saved.</param>
    public static IReadOnlyList<SchemeOutcome> Run(
        JesaSettings settings, int runSeed, string weightsPath, MoeVitOptions options, LabeledImages test, EmulationSite site, TextWriter progress, JesaRoundCheckpoints checkpoints)
    {
        var k = settings.Experts;
        var radio = new JesaRadio(settings.SubcarrierSpacingHz, settings.TransmitPowerW, settings.NoiseW, settings.PathLoss, settings.Subcarriers, settings.HiddenStateBits);
        var compute = Enumerable.Range(1, k).Select(j => j * settings.ComputeEnergyStepJ).ToArray();
        var pixels = Enumerable.Range(0, settings.Images).Select(n => test.Image(n).ToArray()).ToArray();
        var labels = test.Labels[..settings.Images];
        var plan = new JesaRunPlan(settings, runSeed, Path.GetFullPath(weightsPath), options, radio, compute, pixels, labels, checkpoints);
        var outcome = new TaskCompletionSource<IReadOnlyList<SchemeOutcome>>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (site.Start("jesa", placement => JesaRunActor.Props(plan, placement, outcome, progress.WriteLine)))
        {
            return site.Await(outcome.Task, "jesa");
        }
    }
}
