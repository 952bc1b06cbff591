using Akka.Actor;
using EdgeMoE.Actors.Mec;

namespace EdgeMoE.Host.Scenarios.Mec;

/// <summary>A started run: its result to come and its coordinator (told to go on after a checkpoint).</summary>
/// <param name="Result">Completes with the run's result after step T, or faults with its failure.</param>
/// <param name="Coordinator">The run's coordinator actor.</param>
public sealed record MecRunHandle(Task<MecRunResult> Result, IActorRef Coordinator);
