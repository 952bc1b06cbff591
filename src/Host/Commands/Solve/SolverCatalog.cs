namespace EdgeMoE.Host.Commands.Solve;

/// <summary>The problems <c>edgemoe solve</c> knows, in the order <c>--help</c> lists them.</summary>
internal static class SolverCatalog
{
    public static IReadOnlyList<ISolver> All { get; } =
    [
        .. StableMoeSolver.ForEveryPolicy(),
        new DesSolve(),
        new AssignmentSolve(),
        new JesaSolve(),
    ];
}
