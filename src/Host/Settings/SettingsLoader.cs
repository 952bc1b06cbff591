using EdgeMoE.Hocon;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Settings;

/// <summary>Reads a scenario file into validated settings: layered over reference.conf, unknown and removed keys rejected.</summary>
public static class SettingsLoader
{
    /// <summary>Loads <paramref name="scenarioFile"/> over its reference configuration (see <see cref="ReferenceConfig"/>).</summary>
    /// <exception cref="HoconException">Syntax error, unresolved substitution or cycle (<c>FILE:LINE:COL: ...</c>).</exception>
    /// <exception cref="BadInputException">Unknown or removed key or invalid value (also in the <c>akka</c> section), naming the key and <c>FILE:LINE</c>.</exception>
    public static EdgeMoeSettings Load(string scenarioFile, HoconResolveOptions? options = null)
    {
        if (!File.Exists(scenarioFile))
        {
            throw new BadInputException($"{scenarioFile}: no such scenario file");
        }

        var (merged, reference) = LayeredConfig.Load(scenarioFile, options);
        return FromConfig(merged, reference, scenarioFile);
    }

    /// <summary>Validates an already merged configuration against the keys of <paramref name="reference"/>.</summary>
    public static EdgeMoeSettings FromConfig(Config merged, Config reference, string source)
    {
        RemovedKeys.Check(merged);
        UnknownKeys.Check(merged, reference);
        var root = merged.GetConfig(UnknownKeys.Root);
        return new EdgeMoeSettings(
            RunSettings.Read(new SettingsReader(root.GetConfig(RunSettings.Section))),
            StableMoeSettings.Read(new SettingsReader(root.GetConfig(StableMoeSettings.Section))),
            ActorRuntimeSettings.Read(merged, reference),
            TrainingSettings.Read(new SettingsReader(root.GetConfig(TrainingSettings.Section))),
            ClusterSettings.Read(new SettingsReader(root.GetConfig(ClusterSettings.Section))),
            merged,
            source);
    }
}
