namespace EdgeMoE.Actors.Tests.Dispatch;

/// <summary>
/// Tests that cap and occupy the process-wide .NET thread pool: they run alone, after the parallel tests, so no other
/// test waits behind the blocked pool threads.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideThreadPool
{
    public const string Name = "Process-wide thread pool";
}
