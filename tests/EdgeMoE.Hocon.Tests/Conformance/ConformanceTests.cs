using System.Text.Json;

namespace EdgeMoE.Hocon.Tests.Conformance;

/// <summary>Every <c>.conf</c>/<c>.json</c> in each <c>equivNN</c> folder resolves to exactly that folder's <c>original.json</c>.</summary>
public sealed class ConformanceTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        var root = ConformanceFolder.Locate();
        foreach (var folder in Directory.GetDirectories(root, "equiv*").Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                if (file.EndsWith(".conf", StringComparison.Ordinal) || file.EndsWith(".json", StringComparison.Ordinal))
                {
                    data.Add(Path.GetFileName(folder), Path.GetFileName(file));
                }
            }
        }

        return data;
    }

    [Fact]
    public void The_conformance_folders_equiv01_to_equiv05_are_all_present()
    {
        var folders = Directory.GetDirectories(ConformanceFolder.Locate(), "equiv*").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["equiv01", "equiv02", "equiv03", "equiv04", "equiv05"], folders);
        Assert.True(Cases().Count() >= 19, $"expected at least 19 conformance files, found {Cases().Count()}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_file_resolves_to_its_folders_original_json(string folder, string file)
    {
        var directory = Path.Combine(ConformanceFolder.Locate(), folder);
        // equiv04 must hold with no environment at all: its ${?...} targets are undefined everywhere.
        var config = Config.Load(Path.Combine(directory, file), HoconResolveOptions.NoEnvironment);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "original.json")));
        using var actual = JsonDocument.Parse(config.ToJson());
        Assert.Null(JsonTree.Difference(expected.RootElement, actual.RootElement));
    }

    [Fact]
    public void Equiv04_also_resolves_to_an_empty_object_with_the_process_environment()
    {
        var file = Path.Combine(ConformanceFolder.Locate(), "equiv04", "missing-substitutions.conf");
        var config = Config.Load(file, HoconResolveOptions.Default);
        Assert.Empty(config.Root.Keys);
    }
}
