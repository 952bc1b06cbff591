namespace EdgeMoE.Host.Tests;

/// <summary>Files of this repository, found by walking up from the test binaries to the folder holding <c>hocon/reference.conf</c>.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Locate();

    public static string Hocon(string name) => Path.Combine(Root, "hocon", name);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "hocon", "reference.conf")) && File.Exists(Path.Combine(dir.FullName, "EdgeMoE.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no repository root (EdgeMoE.sln with hocon/reference.conf) above {AppContext.BaseDirectory}");
    }
}
