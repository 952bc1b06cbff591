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

    [Fact]
    public void A_stopped_run_prints_its_reason_on_one_line_and_a_bug_prints_its_stack_trace()
    {
        var stopped = new Scenarios.RunStoppedException("policy top-k: the run stalled: no slot finished for 00:10:00 (last finished slot: 7; edgemoe.run.stall-timeout)");
        Assert.Equal(
            "edgemoe: the run stopped: policy top-k: the run stalled: no slot finished for 00:10:00 (last finished slot: 7; edgemoe.run.stall-timeout)",
            Cli.EdgeMoeCli.FailureLine(stopped));

        Exception bug;
        try
        {
            throw new InvalidOperationException("an invariant broke");
        }
        catch (InvalidOperationException e)
        {
            bug = e;
        }

        var line = Cli.EdgeMoeCli.FailureLine(bug);
        Assert.StartsWith("edgemoe: unexpected failure: System.InvalidOperationException: an invariant broke", line);
        Assert.Contains(" at ", line);
    }
}
