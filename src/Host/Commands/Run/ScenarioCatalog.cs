using EdgeMoE.Host.Settings;

namespace EdgeMoE.Host.Commands.Run;

/// <summary>The scenarios of <c>edgemoe run</c>, by <c>edgemoe.run.scenario</c>.</summary>
internal static class ScenarioCatalog
{
    private static readonly IReadOnlyList<IScenario> Scenarios = [new StableMoeScenario(), new Scenarios.Mec.MecScenario(), new JesaScenario(), new Scenarios.ChannelAware.ChannelAwareScenario(), new Scenarios.Nmoe.NmoeScenario()];

    /// <summary>The scenario named <paramref name="name"/>; settings validation has already checked the name.</summary>
    public static IScenario Find(string name) => Scenarios.Single(s => s.Name == name);

    /// <summary>Every name of <see cref="ScenarioNames.All"/> has exactly one scenario here (checked by a test).</summary>
    public static IEnumerable<string> Names => Scenarios.Select(s => s.Name);
}
