using EdgeMoE.Actors.Jesa.Links;
using EdgeMoE.Host.Settings;
using EdgeMoE.Models.Vit;

namespace EdgeMoE.Host.Scenarios.Jesa;

/// <summary>Everything a JESA run's root needs to build its schemes' actors.</summary>
/// <param name="Settings">The jesa section.</param>
/// <param name="RunSeed">edgemoe.run.seed.</param>
/// <param name="WeightsPath">Absolute path of the weights every expert node loads (shared by local nodes).</param>
/// <param name="Options">The network's shape.</param>
/// <param name="Radio">The links' radio.</param>
/// <param name="ComputeJoulesPerState">a_j per node, J per hidden state.</param>
/// <param name="Pixels">The queries' images.</param>
/// <param name="Labels">Their labels.</param>
/// <param name="Checkpoints">Per scheme the progress to resume from, when to pause, and how to save; <see cref="JesaRoundCheckpoints.None"/> for none.</param>
internal sealed record JesaRunPlan(
    JesaSettings Settings,
    int RunSeed,
    string WeightsPath,
    MoeVitOptions Options,
    JesaRadio Radio,
    double[] ComputeJoulesPerState,
    float[][] Pixels,
    int[] Labels,
    JesaRoundCheckpoints Checkpoints);
