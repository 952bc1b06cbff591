using EdgeMoE.Hocon;
using EdgeMoE.Hocon.Rendering;
using EdgeMoE.Host.Cli;
using AkkaConfig = Akka.Configuration.Config;
using HoconConfig = EdgeMoE.Hocon.Config;

namespace EdgeMoE.Host.Settings;

/// <summary>
/// Checks one key of the <c>akka</c> section by reading it through Akka's own config API, so a value passes
/// exactly when Akka can use it; a failure names the key, the value and where it was set, like <see cref="SettingsReader"/>.
/// </summary>
/// <param name="section">Our resolved <c>akka</c> section (for origins).</param>
/// <param name="akka">The same section as Akka parsed it.</param>
internal sealed class AkkaKeyCheck(HoconConfig section, AkkaConfig akka)
{
    /// <summary>Checks <paramref name="key"/> (relative to <c>akka</c>) when it is set; absent keys keep Akka's default.</summary>
    /// <param name="key">Path under <c>akka</c>, e.g. <c>actor.ask-timeout</c>.</param>
    /// <param name="expectation">What a valid value is, for the message (e.g. <c>on or off</c>).</param>
    /// <param name="isValid">Reads the key through Akka's config (full path) and judges it; Akka throwing means invalid.</param>
    /// <exception cref="BadInputException">The value is not <paramref name="expectation"/>.</exception>
    public void Key(string key, string expectation, Func<AkkaConfig, string, bool> isValid)
    {
        if (!section.HasPath(key))
        {
            return;
        }

        var value = section.GetValue(key);
        if (!ReadsAsValid(isValid))
        {
            var shown = value is HoconObject ? "an object" : JsonRenderer.Render(value, indented: false);
            throw new BadInputException($"{section.FullPath(key)} must be {expectation}, got {shown} ({value.Origin.FileAndLine})");
        }

        bool ReadsAsValid(Func<AkkaConfig, string, bool> check)
        {
            try
            {
                return check(akka, $"{AkkaSection.Root}.{key}");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return false;
            }
        }
    }
}
