namespace EdgeMoE.Host.Commands.Bench;

/// <summary>The areas <c>edgemoe bench</c> measures, in the order <c>--help</c> lists them.</summary>
internal static class BenchCatalog
{
    public static IReadOnlyList<IBenchArea> All { get; } =
    [
        new BenchActorsCommand(),
        new BenchJesaCommand(),
        new BenchPoliciesCommand(),
        new BenchNnCommand(),
        new BenchRemoteCommand(),
        new BenchScaleCommand(),
    ];
}
