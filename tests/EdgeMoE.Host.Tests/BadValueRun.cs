namespace EdgeMoE.Host.Tests;

/// <summary>The check every scenario's bad-value tests make: <c>edgemoe run</c> exits 2 with one message naming the key.</summary>
internal static class BadValueRun
{
    /// <summary>
    /// Runs <c>edgemoe run <paramref name="scenarioFile"/> --out <paramref name="output"/></c> and asserts exit code 2, a
    /// message containing <paramref name="key"/>, no stack trace and nothing on stdout.
    /// </summary>
    public static void AssertNamesKey(string scenarioFile, string output, string key)
    {
        var (exit, stdout, error) = CliRunner.Run("run", scenarioFile, "--out", output);
        Assert.Equal(2, exit);
        Assert.Contains(key, error);
        Assert.DoesNotContain("   at ", error);
        Assert.Equal("", stdout);
    }
}
