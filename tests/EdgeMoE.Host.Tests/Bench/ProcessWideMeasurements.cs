namespace EdgeMoE.Host.Tests.Bench;

/// <summary>
/// Tests whose measures read process-wide state (the managed heap size): they run alone, after the parallel tests,
/// or another test freeing memory between two readings makes a footprint negative.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMeasurements
{
    public const string Name = "Process-wide measurements";
}
