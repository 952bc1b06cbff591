using EdgeMoE.Hocon;
using EdgeMoE.Hocon.Rendering;
using HoconConfig = EdgeMoE.Hocon.Config;

namespace EdgeMoE.Host.Tests.Settings;

public sealed class ReferenceConfTests
{
    [Fact]
    public void Every_setting_in_reference_conf_has_a_comment_line_above_it()
    {
        var lines = File.ReadAllLines(RepositoryFiles.Hocon("reference.conf"));
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Contains(" = ", StringComparison.Ordinal) && !line.StartsWith('#'))
            {
                Assert.True(i > 0 && lines[i - 1].Trim().StartsWith('#'), $"reference.conf:{i + 1}: '{line}' has no comment line above it");
            }
        }
    }

    [Fact]
    public void Reference_conf_has_the_sections_of_the_product_under_edgemoe_and_akkas_under_akka()
    {
        var reference = HoconConfig.Load(RepositoryFiles.Hocon("reference.conf"));
        Assert.Equal(["edgemoe", "akka"], reference.Root.Keys);
        Assert.Equal(["run", "stable-moe", "wireless", "cluster", "training", "mec", "jesa", "channel-aware", "nmoe"], reference.GetConfig("edgemoe").Root.Keys);
    }

    [Fact]
    public void The_scenario_file_only_overrides_keys_of_the_reference()
    {
        var reference = HoconConfig.Load(RepositoryFiles.Hocon("reference.conf"));
        var scenario = HoconConfig.Load(RepositoryFiles.Hocon("stable-moe.conf"));
        foreach (var (path, value) in scenario.Leaves())
        {
            var key = HoconPath.Render(path);
            Assert.True(reference.HasPath(key), $"{key} is set in stable-moe.conf but not defined in reference.conf");
            Assert.True(
                JsonRenderer.Render(value) != JsonRenderer.Render(reference.GetValue(key)),
                $"{key} in stable-moe.conf repeats the reference value; scenario files hold only what differs");
        }
    }
}
