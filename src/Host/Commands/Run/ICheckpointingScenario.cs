namespace EdgeMoE.Host.Commands.Run;

/// <summary>
/// A scenario that honours <see cref="ScenarioInvocation.Checkpoints"/> (writes checkpoints and resumes from them).
/// <c>edgemoe run</c> refuses --checkpoint-every and --resume for every other scenario, in one place.
/// </summary>
internal interface ICheckpointingScenario : IScenario;
