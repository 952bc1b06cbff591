namespace EdgeMoE.GlibcxxPatch.Elf;

/// <summary>
/// One Vernaux entry of .gnu.version_r: the library <paramref name="File"/> must provide version <paramref name="Name"/>.
/// <paramref name="FlagsOffset"/> is the file offset of its 16-bit vna_flags.
/// </summary>
public sealed record VersionNeed(string File, string Name, ushort Flags, long FlagsOffset)
{
    /// <summary>VER_FLG_WEAK: a missing version is a warning to the loader, not an error.</summary>
    public const ushort WeakFlag = 0x2;

    /// <summary>Whether the loader tolerates the version's absence.</summary>
    public bool IsWeak => (Flags & WeakFlag) != 0;
}
