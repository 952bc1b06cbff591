namespace EdgeMoE.Hocon.Tests.Conformance;

/// <summary>Finds <c>shared/conformance/hocon</c> by walking up from the test binaries (CI clones <c>shared/</c> beside the repo).</summary>
internal static class ConformanceFolder
{
    public static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "conformance", "hocon");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"HOCON conformance fixtures not found: no 'shared/conformance/hocon' folder in any ancestor of {AppContext.BaseDirectory}. " +
            "Clone the shared repository beside this one.");
    }
}
