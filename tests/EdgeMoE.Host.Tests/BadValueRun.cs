namespace EdgeMoE.Host.Tests;

/// <summary>The check every bad-input test of the command line makes: exit 2, one message, no stack trace, nothing on stdout.</summary>
internal static class BadValueRun
{
    /// <summary>
    /// Runs <c>edgemoe run <paramref name="scenarioFile"/> --out <paramref name="output"/></c> and asserts it is refused
    /// with a message containing <paramref name="key"/>.
    /// </summary>
    public static void AssertNamesKey(string scenarioFile, string output, string key) =>
        Assert.Contains(key, Refused("run", scenarioFile, "--out", output));

    /// <summary>Runs <c>edgemoe ARGS</c>, asserts exit code 2, no stack trace and nothing on stdout; returns stderr.</summary>
    public static string Refused(params string[] args)
    {
        var (exit, stdout, error) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.DoesNotContain("   at ", error);
        Assert.Equal("", stdout);
        return error;
    }
}
