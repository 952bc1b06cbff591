namespace EdgeMoE.GlibcxxPatch.Elf;

/// <summary>The file is not the ELF64 little-endian shared object this tool understands; the message says what differs.</summary>
public sealed class ElfLayoutException(string message) : Exception(message);
