using System.Buffers.Binary;
using System.Text;

namespace EdgeMoE.GlibcxxPatch.Elf;

/// <summary>
/// An ELF64 little-endian file held in memory, with its section header table parsed (names from .shstrtab).
/// Only what symbol versioning needs: sections by type and NUL-terminated strings of a string table.
/// </summary>
public sealed class ElfImage
{
    /// <summary>sh_type of .gnu.version_d (version definitions).</summary>
    public const uint VersionDefinitionsType = 0x6ffffffd;

    /// <summary>sh_type of .gnu.version_r (version requirements).</summary>
    public const uint VersionNeedsType = 0x6ffffffe;

    private const int HeaderSize = 64;
    private const int SectionHeaderSize = 64;

    private ElfImage(byte[] bytes, IReadOnlyList<ElfSection> sections)
    {
        Bytes = bytes;
        Sections = sections;
    }

    /// <summary>The whole file; patches write into it.</summary>
    public byte[] Bytes { get; }

    /// <summary>The section header table, in file order (index 0 is the null section).</summary>
    public IReadOnlyList<ElfSection> Sections { get; }

    /// <summary>Parses <paramref name="bytes"/>.</summary>
    /// <exception cref="ElfLayoutException">Not ELF64 little-endian, or a header points outside the file.</exception>
    public static ElfImage Parse(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < HeaderSize || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
        {
            throw new ElfLayoutException("not an ELF file (no \\x7fELF magic)");
        }

        if (bytes[4] != 2 || bytes[5] != 1)
        {
            throw new ElfLayoutException($"only ELF64 little-endian is supported (EI_CLASS {bytes[4]}, EI_DATA {bytes[5]})");
        }

        var span = bytes.AsSpan();
        var tableOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(span[0x28..]);
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3A..]);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3C..]);
        var namesIndex = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3E..]);
        if (entrySize != SectionHeaderSize || count == 0 || tableOffset <= 0 || tableOffset + ((long)count * entrySize) > bytes.Length)
        {
            throw new ElfLayoutException($"section header table (offset {tableOffset}, {count} entries of {entrySize} bytes) does not fit the {bytes.Length}-byte file");
        }

        if (namesIndex >= count)
        {
            throw new ElfLayoutException($"section name table index {namesIndex} is not below the section count {count}");
        }

        var raw = new (uint Name, uint Type, long Offset, long Size, int Link)[count];
        for (var i = 0; i < count; i++)
        {
            var entry = span.Slice((int)(tableOffset + ((long)i * entrySize)), entrySize);
            var type = BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]);
            var offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(entry[0x18..]);
            var size = (long)BinaryPrimitives.ReadUInt64LittleEndian(entry[0x20..]);
            const uint NoBits = 8;
            if (type != NoBits && (offset < 0 || size < 0 || offset + size > bytes.Length))
            {
                throw new ElfLayoutException($"section {i} (offset {offset}, size {size}) lies outside the {bytes.Length}-byte file");
            }

            raw[i] = (BinaryPrimitives.ReadUInt32LittleEndian(entry), type, offset, size, (int)BinaryPrimitives.ReadUInt32LittleEndian(entry[0x28..]));
        }

        var names = raw[namesIndex];
        var sections = raw
            .Select(s => new ElfSection(ReadString(bytes, names.Offset, names.Size, s.Name), s.Type, s.Offset, s.Size, s.Link))
            .ToArray();
        return new ElfImage(bytes, sections);
    }

    /// <summary>The only section of type <paramref name="type"/>, or null when there is none.</summary>
    /// <exception cref="ElfLayoutException">More than one section has that type.</exception>
    public ElfSection? SectionOfType(uint type)
    {
        var matches = Sections.Where(s => s.Type == type).ToArray();
        return matches.Length switch
        {
            0 => null,
            1 => matches[0],
            _ => throw new ElfLayoutException($"{matches.Length} sections of type 0x{type:x8}, expected one"),
        };
    }

    /// <summary>The string table a section links to (sh_link), e.g. .dynstr for the version sections.</summary>
    public ElfSection LinkedStrings(ElfSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        const uint StringTable = 3;
        if (section.Link <= 0 || section.Link >= Sections.Count || Sections[section.Link].Type != StringTable)
        {
            throw new ElfLayoutException($"section {section.Name} links to section {section.Link}, which is not a string table");
        }

        return Sections[section.Link];
    }

    /// <summary>The NUL-terminated string at <paramref name="index"/> of string table <paramref name="table"/>.</summary>
    public string String(ElfSection table, uint index)
    {
        ArgumentNullException.ThrowIfNull(table);
        return ReadString(Bytes, table.Offset, table.Size, index);
    }

    private static string ReadString(byte[] bytes, long tableOffset, long tableSize, uint index)
    {
        if (index >= tableSize)
        {
            throw new ElfLayoutException($"string index {index} is outside its {tableSize}-byte string table");
        }

        var start = (int)(tableOffset + index);
        var end = Array.IndexOf(bytes, (byte)0, start, (int)(tableSize - index));
        if (end < 0)
        {
            throw new ElfLayoutException($"string at index {index} is not NUL-terminated inside its string table");
        }

        return Encoding.ASCII.GetString(bytes, start, end - start);
    }
}
