using EdgeMoE.Hocon;

namespace EdgeMoE.Host.Settings;

/// <summary>Loads a scenario file layered over the reference configuration, resolved together (so the scenario
/// may refer to and extend reference values, e.g. <c>x = ${x} [more]</c>).</summary>
internal static class LayeredConfig
{
    /// <summary>The resolved scenario-over-reference configuration, and the reference alone (the known keys).</summary>
    /// <exception cref="HoconException">Syntax error, unresolved substitution or cycle in either file.</exception>
    public static (Config Merged, Config Reference) Load(string scenarioFile, HoconResolveOptions? options = null)
    {
        var referenceFile = ReferenceConfig.Locate(scenarioFile);
        var reference = HoconDocument.Load(referenceFile);
        var referenceConfig = reference.Resolve(options);
        if (ReferenceConfig.IsReference(scenarioFile, referenceFile))
        {
            return (referenceConfig, referenceConfig);
        }

        var merged = HoconDocument.Load(scenarioFile).WithFallback(reference).Resolve(options);
        return (merged, referenceConfig);
    }
}
