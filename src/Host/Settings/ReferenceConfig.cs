using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Settings;

/// <summary>
/// Where the reference configuration comes from: the <c>reference.conf</c> in the same folder as the scenario
/// file (so <c>hocon/x.conf</c> is layered over <c>hocon/reference.conf</c>), else the copy shipped beside the
/// executable (copied there from <c>hocon/reference.conf</c> at build time).
/// </summary>
internal static class ReferenceConfig
{
    public const string FileName = "reference.conf";

    /// <summary>The copy shipped beside the executable (it may be missing from a broken install).</summary>
    public static string Shipped => Path.Combine(AppContext.BaseDirectory, FileName);

    /// <summary>The reference file for <paramref name="scenarioFile"/>.</summary>
    /// <exception cref="BadInputException">Neither location has a reference.conf.</exception>
    public static string Locate(string scenarioFile)
    {
        var folder = Path.GetDirectoryName(scenarioFile);
        var beside = string.IsNullOrEmpty(folder) ? FileName : Path.Combine(folder, FileName);
        if (File.Exists(beside))
        {
            return beside;
        }

        var shipped = Shipped;
        if (File.Exists(shipped))
        {
            return shipped;
        }

        throw new BadInputException($"{scenarioFile}: no {FileName} next to it and none installed at {shipped}");
    }

    /// <summary>True when <paramref name="scenarioFile"/> is the reference file itself (no layering needed).</summary>
    public static bool IsReference(string scenarioFile, string referenceFile) =>
        string.Equals(Path.GetFullPath(scenarioFile), Path.GetFullPath(referenceFile), StringComparison.Ordinal);
}
