using System.Runtime.InteropServices;
using EdgeMoE.GlibcxxPatch.Elf;

namespace EdgeMoE.GlibcxxPatch;

/// <summary>Answers "does the libstdc++.so.6 the loader would use define this symbol version?" from its .gnu.version_d.</summary>
public static class LibstdcxxProbe
{
    /// <summary>The library's soname.</summary>
    public const string Soname = "libstdc++.so.6";

    /// <summary>Whether the ELF file at <paramref name="path"/> defines <paramref name="version"/> (e.g. GLIBCXX_3.4.32).</summary>
    public static bool Defines(string path, string version) =>
        SymbolVersions.Definitions(ElfImage.Parse(File.ReadAllBytes(path))).Contains(version);

    /// <summary>
    /// The path of the libstdc++.so.6 the dynamic loader resolves for this process: it is loaded by name (the same search as
    /// for TorchSharp's native library) and then looked up among the process's mapped files.
    /// </summary>
    /// <exception cref="InvalidOperationException">The loader finds no libstdc++.so.6.</exception>
    public static string LoadedPath()
    {
        if (!NativeLibrary.TryLoad(Soname, out _))
        {
            throw new InvalidOperationException($"the dynamic loader finds no {Soname}");
        }

        return MappedPath(File.ReadLines("/proc/self/maps"))
            ?? throw new InvalidOperationException($"{Soname} is loaded but not listed in /proc/self/maps");
    }

    /// <summary>The path of the first mapping of a file named libstdc++.so.6* among /proc/PID/maps lines, or null.</summary>
    public static string? MappedPath(IEnumerable<string> mapsLines)
    {
        ArgumentNullException.ThrowIfNull(mapsLines);
        foreach (var line in mapsLines)
        {
            var slash = line.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0 && Path.GetFileName(line[slash..]).StartsWith(Soname, StringComparison.Ordinal))
            {
                return line[slash..].TrimEnd();
            }
        }

        return null;
    }
}
