using EdgeMoE.Host.Commands.Run;
using EdgeMoE.Host.Settings;

namespace EdgeMoE.Host.Tests.Run;

public sealed class ScenarioCatalogTests
{
    [Fact]
    public void Every_scenario_name_has_exactly_one_scenario()
    {
        Assert.Equal(ScenarioNames.All.Order(), ScenarioCatalog.Names.Order());
    }

    [Fact]
    public void An_unknown_scenario_exits_2_naming_the_key_and_the_known_ones()
    {
        using var folder = new ScratchFolder();
        var file = Path.Combine(folder.Path, "odd.conf");
        File.WriteAllText(file, "edgemoe.run.scenario = weather\n");
        var (exit, _, error) = CliRunner.Run("run", file);
        Assert.Equal(2, exit);
        Assert.Contains("edgemoe.run.scenario", error);
        Assert.Contains("stable-moe", error);
        Assert.DoesNotContain("   at ", error);
    }
}
