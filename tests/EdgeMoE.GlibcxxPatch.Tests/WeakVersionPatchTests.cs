using System.Buffers.Binary;
using EdgeMoE.GlibcxxPatch.Elf;

namespace EdgeMoE.GlibcxxPatch.Tests;

public sealed class WeakVersionPatchTests
{
    [Fact]
    public void Only_the_named_requirement_becomes_weak_and_nothing_else_changes()
    {
        var original = TinyElf.Build(["self.so"], "libstdc++.so.6", ["GLIBCXX_3.4.30", "GLIBCXX_3.4.32", "CXXABI_1.3"]);
        var image = ElfImage.Parse((byte[])original.Clone());
        Assert.Equal(1, WeakVersionPatch.Apply(image, "libstdc++.so.6", "GLIBCXX_3.4.32"));

        var needs = SymbolVersions.Needs(image);
        Assert.Equal(["GLIBCXX_3.4.30", "GLIBCXX_3.4.32", "CXXABI_1.3"], needs.Select(n => n.Name));
        Assert.Equal([false, true, false], needs.Select(n => n.IsWeak));
        var changed = Enumerable.Range(0, original.Length).Where(i => original[i] != image.Bytes[i]).ToArray();
        Assert.Equal([(int)needs[1].FlagsOffset], changed);
        Assert.Equal(VersionNeed.WeakFlag, BinaryPrimitives.ReadUInt16LittleEndian(image.Bytes.AsSpan((int)needs[1].FlagsOffset)));
        Assert.Equal(0, WeakVersionPatch.Apply(image, "libstdc++.so.6", "GLIBCXX_3.4.32"));
    }

    [Fact]
    public void A_missing_requirement_or_a_foreign_file_fails_with_the_reason()
    {
        var image = ElfImage.Parse(TinyElf.Build(["self.so"], "libstdc++.so.6", ["GLIBCXX_3.4.30"]));
        Assert.Contains("no .gnu.version_r entry requires GLIBCXX_3.4.32", Assert.Throws<ElfLayoutException>(() => WeakVersionPatch.Apply(image, "libstdc++.so.6", "GLIBCXX_3.4.32")).Message, StringComparison.Ordinal);
        Assert.Contains("no \\x7fELF magic", Assert.Throws<ElfLayoutException>(() => ElfImage.Parse(new byte[100])).Message, StringComparison.Ordinal);
        var truncated = TinyElf.Build(["self.so"], "libstdc++.so.6", ["GLIBCXX_3.4.30"])[..200];
        Assert.Throws<ElfLayoutException>(() => ElfImage.Parse(truncated));
    }

    [Fact]
    public void A_vernaux_chain_shorter_than_its_count_is_refused()
    {
        var bytes = TinyElf.Build(["self.so"], "libstdc++.so.6", ["GLIBCXX_3.4.30", "GLIBCXX_3.4.32"]);
        var image = ElfImage.Parse(bytes);
        var first = SymbolVersions.Needs(image)[0];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((int)first.FlagsOffset + 8), 0); // vna_next of the first entry
        Assert.Contains("chain ends", Assert.Throws<ElfLayoutException>(() => SymbolVersions.Needs(ElfImage.Parse(bytes))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TorchSharps_shipped_library_requires_the_version_from_libstdcxx()
    {
        var shipped = Path.Combine(
            Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(shipped), $"{shipped} is restored with the solution");
        var image = ElfImage.Parse(File.ReadAllBytes(shipped));
        Assert.Equal(1, WeakVersionPatch.Apply(image, LibstdcxxProbe.Soname, "GLIBCXX_3.4.32"));
        Assert.Single(SymbolVersions.Needs(image), n => n.IsWeak);
    }
}
