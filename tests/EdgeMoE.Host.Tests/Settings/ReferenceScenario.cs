using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Settings;

namespace EdgeMoE.Host.Tests.Settings;

/// <summary>A scenario written beside a scratch copy of the real reference.conf, for settings tests.</summary>
internal static class ReferenceScenario
{
    /// <summary>The folder (dispose it) and the path of its scenario.conf holding <paramref name="text"/>.</summary>
    public static (ScratchFolder Dir, string Scenario) Write(string text)
    {
        var dir = new ScratchFolder();
        dir.Write("reference.conf", File.ReadAllText(RepositoryFiles.Hocon("reference.conf")));
        return (dir, dir.Write("scenario.conf", text));
    }

    /// <summary>The message of the BadInputException loading <paramref name="text"/> raises, its path shortened to scenario.conf.</summary>
    public static string LoadError(string text)
    {
        var (dir, file) = Write(text);
        using (dir)
        {
            return Assert.Throws<BadInputException>(() => SettingsLoader.Load(file)).Message.Replace(file, "scenario.conf", StringComparison.Ordinal);
        }
    }
}
