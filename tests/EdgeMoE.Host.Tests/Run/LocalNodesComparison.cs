using System.Text.RegularExpressions;

namespace EdgeMoE.Host.Tests.Run;

/// <summary>Runs a scenario in one process and on local edge-node processes, and checks that both wrote the same bytes.</summary>
internal static class LocalNodesComparison
{
    /// <summary>
    /// Runs <c>edgemoe run</c> on <paramref name="scenario"/> with <paramref name="options"/> alone and with
    /// <c>--local-nodes <paramref name="nodes"/></c>; asserts both succeed and that each of <paramref name="files"/> is byte-identical.
    /// </summary>
    /// <remarks>
    /// Neither stderr may hold a libtorch warning ("[W1201 23:42:57.258718520 NNPACK.cpp:56] ..."): with oneDNN off and
    /// NNPACK on, every convolution without gradients printed one on this CPU.
    /// </remarks>
    /// <returns>The one-process output folder and the clustered run's stderr.</returns>
    public static (string Folder, string ClusterError) AssertSameFiles(TinyScenario scenario, int nodes, string[] files, params string[] options)
    {
        var alone = scenario.Output("alone");
        var single = EdgemoeProcess.Run(TimeSpan.FromMinutes(4), ["run", scenario.ScenarioFile, .. options, "--out", alone]);
        Assert.True(single.ExitCode == 0, single.Error);
        var spread = scenario.Output("spread");
        var count = nodes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var clustered = EdgemoeProcess.Run(TimeSpan.FromMinutes(4), ["run", scenario.ScenarioFile, .. options, "--out", spread, "--local-nodes", count]);
        Assert.True(clustered.ExitCode == 0, clustered.Error);
        Assert.Contains($"with {count} edge node(s)", clustered.Error);
        Assert.DoesNotMatch(LibtorchWarning, single.Error);
        Assert.DoesNotMatch(LibtorchWarning, clustered.Error);
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(alone, file)), File.ReadAllBytes(Path.Combine(spread, file)));
        }

        return (alone, clustered.Error);
    }

    private static readonly Regex LibtorchWarning = new(@"^\[W\d{4} ", RegexOptions.Multiline);
}
