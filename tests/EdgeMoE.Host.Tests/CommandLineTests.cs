namespace EdgeMoE.Host.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Help_lists_the_run_command()
    {
        var (exit, output, _) = CliRunner.Run("--help");
        Assert.Equal(0, exit);
        Assert.Contains("run", output);
    }

    [Fact]
    public void Unknown_command_exits_with_bad_usage()
    {
        var (exit, _, error) = CliRunner.Run("frobnicate");
        Assert.Equal(2, exit);
        Assert.Contains("frobnicate", error);
    }

    [Fact]
    public void Version_prints_the_product_version()
    {
        var (exit, output, _) = CliRunner.Run("--version");
        Assert.Equal(0, exit);
        Assert.StartsWith("0.1.0", output.Trim());
    }
}
