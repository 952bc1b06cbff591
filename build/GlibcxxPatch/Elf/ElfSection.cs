namespace EdgeMoE.GlibcxxPatch.Elf;

/// <summary>One entry of the section header table: its name, type (sh_type), file offset and size in bytes and linked section index.</summary>
public sealed record ElfSection(string Name, uint Type, long Offset, long Size, int Link);
