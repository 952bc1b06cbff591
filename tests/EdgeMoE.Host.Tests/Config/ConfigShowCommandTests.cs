using System.Text.Json;

namespace EdgeMoE.Host.Tests.Config;

public sealed class ConfigShowCommandTests
{
    [Fact]
    public void Json_output_of_the_scenario_is_valid_json_layered_over_the_reference()
    {
        var (exit, output, error) = CliRunner.Run("config", "show", RepositoryFiles.Hocon("stable-moe.conf"), "--format", "json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var edgemoe = json.RootElement.GetProperty("edgemoe");
        Assert.Equal(200, edgemoe.GetProperty("run").GetProperty("slots").GetInt32());
        Assert.Equal(JsonValueKind.Number, edgemoe.GetProperty("stable-moe").GetProperty("switched-capacitance").ValueKind);
        Assert.Equal(2e-27, edgemoe.GetProperty("stable-moe").GetProperty("switched-capacitance").GetDouble());
        Assert.Equal(390, edgemoe.GetProperty("stable-moe").GetProperty("arrival-rate").GetInt32());
    }

    [Fact]
    public void A_scenarios_akka_section_is_shown_over_the_reference_defaults()
    {
        using var dir = new ScratchFolder();
        dir.Write("reference.conf", File.ReadAllText(RepositoryFiles.Hocon("reference.conf")));
        var file = dir.Write("scenario.conf", "akka { loglevel = DEBUG }");
        var (exit, output, error) = CliRunner.Run("config", "show", file, "--format", "json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var akka = json.RootElement.GetProperty("akka");
        Assert.Equal(("DEBUG", "OFF"), (akka.GetProperty("loglevel").GetString(), akka.GetProperty("stdout-loglevel").GetString()));
    }

    [Fact]
    public void Raw_resolves_the_file_alone()
    {
        var (exit, output, _) = CliRunner.Run("config", "show", RepositoryFiles.Hocon("stable-moe.conf"), "--format", "json", "--raw");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("edgemoe").TryGetProperty("actors", out _));
    }

    [Fact]
    public void Hocon_output_is_the_default_and_parses_back_to_the_same_tree()
    {
        var (exit, hocon, _) = CliRunner.Run("config", "show", RepositoryFiles.Hocon("stable-moe.conf"));
        var (_, json, _) = CliRunner.Run("config", "show", RepositoryFiles.Hocon("stable-moe.conf"), "--format", "json");
        Assert.Equal(0, exit);
        Assert.Equal(json.Trim(), EdgeMoE.Hocon.Config.Parse(hocon).ToJson());
    }

    [Fact]
    public void A_broken_file_prints_file_line_and_column_and_exits_2()
    {
        using var dir = new ScratchFolder();
        var file = dir.Write("broken.conf", "a = 1\nb = [1, 2\n");
        var (exit, output, error) = CliRunner.Run("config", "show", file);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal($"{file}:3:1: expected ']' to close the array opened at 2:5, got end of file", error.Trim());
    }

    [Fact]
    public void An_unresolved_substitution_prints_its_position_and_exits_2()
    {
        using var dir = new ScratchFolder();
        var file = dir.Write("missing.conf", "x = 1\ny = ${nowhere.to.be.found}");
        var (exit, _, error) = CliRunner.Run("config", "show", file, "--raw");
        Assert.Equal(2, exit);
        Assert.StartsWith($"{file}:2:5: cannot resolve ${{nowhere.to.be.found}}", error.Trim());
    }

    [Fact]
    public void A_missing_file_exits_2_naming_it()
    {
        var (exit, _, error) = CliRunner.Run("config", "show", "no/such/file.conf");
        Assert.Equal(2, exit);
        Assert.Contains("no/such/file.conf", error);
    }

    [Fact]
    public void An_unknown_format_is_bad_usage()
    {
        var (exit, _, _) = CliRunner.Run("config", "show", RepositoryFiles.Hocon("stable-moe.conf"), "--format", "yaml");
        Assert.Equal(2, exit);
    }

    [Fact]
    public void A_scenario_beside_its_own_reference_conf_is_layered_over_that_file()
    {
        using var dir = new ScratchFolder();
        dir.Write("reference.conf", "edgemoe { a = 1, list = [x] }");
        var file = dir.Write("scenario.conf", "edgemoe.list = ${edgemoe.list} [y]");
        var (exit, output, _) = CliRunner.Run("config", "show", file, "--format", "json");
        Assert.Equal(0, exit);
        Assert.Equal("""{"edgemoe":{"a":1,"list":["x","y"]}}""", EdgeMoE.Hocon.Config.Parse(output).ToJson(indented: false));
    }

    [Fact]
    public void Showing_the_reference_itself_layers_nothing_over_it()
    {
        var (exit, layered, _) = CliRunner.Run("config", "show", RepositoryFiles.Hocon("reference.conf"), "--format", "json");
        var (_, raw, _) = CliRunner.Run("config", "show", RepositoryFiles.Hocon("reference.conf"), "--format", "json", "--raw");
        Assert.Equal(0, exit);
        Assert.Equal(raw, layered);
    }
}
