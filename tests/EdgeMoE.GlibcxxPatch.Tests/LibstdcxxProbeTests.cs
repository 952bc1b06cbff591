using EdgeMoE.GlibcxxPatch.Elf;

namespace EdgeMoE.GlibcxxPatch.Tests;

public sealed class LibstdcxxProbeTests
{
    [Fact]
    public void A_library_defines_exactly_the_versions_of_its_version_definitions()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, TinyElf.Build(["libstdc++.so.6", "GLIBCXX_3.4", "GLIBCXX_3.4.30"], "libc.so.6", ["GLIBC_2.2.5"]));
            Assert.True(LibstdcxxProbe.Defines(path, "GLIBCXX_3.4.30"));
            Assert.False(LibstdcxxProbe.Defines(path, "GLIBCXX_3.4.32"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_machines_libstdcxx_is_found_and_read()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Throws<ElfLayoutException>(() => ElfImage.Parse([0x4d, 0x5a]));
            return;
        }

        var path = LibstdcxxProbe.LoadedPath();
        Assert.StartsWith(LibstdcxxProbe.Soname, Path.GetFileName(path), StringComparison.Ordinal);
        Assert.True(LibstdcxxProbe.Defines(path, "GLIBCXX_3.4"), $"{path} should define the first GLIBCXX version");
        Assert.False(LibstdcxxProbe.Defines(path, "GLIBCXX_99.0"));
    }

    [Fact]
    public void The_mapped_path_is_read_from_proc_maps_lines()
    {
        string[] lines =
        [
            "7f0000000000-7f0000001000 r--p 00000000 fe:01 123 /usr/lib/x86_64-linux-gnu/libc.so.6",
            "7f0000002000-7f0000003000 r--p 00000000 fe:01 456 /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30",
            "7ffd00000000-7ffd00001000 rw-p 00000000 00:00 0 [stack]",
        ];
        Assert.Equal("/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30", LibstdcxxProbe.MappedPath(lines));
        Assert.Null(LibstdcxxProbe.MappedPath(lines.Take(1)));
    }
}
