using System.Buffers.Binary;
using EdgeMoE.GlibcxxPatch.Elf;

namespace EdgeMoE.GlibcxxPatch;

/// <summary>Marks one required symbol version weak (vna_flags |= VER_FLG_WEAK) so the loader accepts its absence.</summary>
public static class WeakVersionPatch
{
    /// <summary>
    /// Sets the weak flag on every Vernaux of <paramref name="image"/> whose name is <paramref name="version"/> and whose
    /// library is <paramref name="file"/>; returns how many entries were changed (0 when already weak).
    /// </summary>
    /// <exception cref="ElfLayoutException">No entry requires that version from that library.</exception>
    public static int Apply(ElfImage image, string file, string version)
    {
        ArgumentNullException.ThrowIfNull(image);
        var matches = SymbolVersions.Needs(image).Where(n => n.File == file && n.Name == version).ToArray();
        if (matches.Length == 0)
        {
            throw new ElfLayoutException($"no .gnu.version_r entry requires {version} from {file}");
        }

        var changed = 0;
        foreach (var need in matches.Where(n => !n.IsWeak))
        {
            BinaryPrimitives.WriteUInt16LittleEndian(image.Bytes.AsSpan((int)need.FlagsOffset), (ushort)(need.Flags | VersionNeed.WeakFlag));
            changed++;
        }

        return changed;
    }
}
