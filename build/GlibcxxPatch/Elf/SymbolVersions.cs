using System.Buffers.Binary;

namespace EdgeMoE.GlibcxxPatch.Elf;

/// <summary>Reads the GNU symbol-versioning sections: what a library defines (.gnu.version_d) and what it needs (.gnu.version_r).</summary>
public static class SymbolVersions
{
    private const int MaxEntries = 1 << 16;

    /// <summary>Every Vernaux of the Verneed chain, in file order.</summary>
    public static IReadOnlyList<VersionNeed> Needs(ElfImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var section = image.SectionOfType(ElfImage.VersionNeedsType);
        if (section is null)
        {
            return [];
        }

        var strings = image.LinkedStrings(section);
        var bytes = image.Bytes.AsSpan();
        var result = new List<VersionNeed>();
        long need = section.Offset;
        for (var n = 0; n < MaxEntries; n++)
        {
            Require(section, need, 16, "Verneed");
            var version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(int)need..]);
            if (version != 1)
            {
                throw new ElfLayoutException($"Verneed at offset {need} has vn_version {version}, expected 1");
            }

            var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(int)(need + 2)..]);
            var file = image.String(strings, BinaryPrimitives.ReadUInt32LittleEndian(bytes[(int)(need + 4)..]));
            var aux = need + BinaryPrimitives.ReadUInt32LittleEndian(bytes[(int)(need + 8)..]);
            for (var a = 0; a < count; a++)
            {
                Require(section, aux, 16, "Vernaux");
                var flags = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(int)(aux + 4)..]);
                var name = image.String(strings, BinaryPrimitives.ReadUInt32LittleEndian(bytes[(int)(aux + 8)..]));
                result.Add(new VersionNeed(file, name, flags, aux + 4));
                var nextAux = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(int)(aux + 12)..]);
                if (nextAux == 0 && a + 1 < count)
                {
                    throw new ElfLayoutException($"Verneed of {file} announces {count} Vernaux entries but its chain ends after {a + 1}");
                }

                aux += nextAux;
            }

            var next = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(int)(need + 12)..]);
            if (next == 0)
            {
                return result;
            }

            need += next;
        }

        throw new ElfLayoutException($"the Verneed chain of {section.Name} does not end");
    }

    /// <summary>The version names a library defines (every Verdaux name, the library's own name included).</summary>
    public static IReadOnlySet<string> Definitions(ElfImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var section = image.SectionOfType(ElfImage.VersionDefinitionsType);
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (section is null)
        {
            return result;
        }

        var strings = image.LinkedStrings(section);
        var bytes = image.Bytes.AsSpan();
        long definition = section.Offset;
        for (var n = 0; n < MaxEntries; n++)
        {
            Require(section, definition, 20, "Verdef");
            var version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(int)definition..]);
            if (version != 1)
            {
                throw new ElfLayoutException($"Verdef at offset {definition} has vd_version {version}, expected 1");
            }

            var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(int)(definition + 6)..]);
            var aux = definition + BinaryPrimitives.ReadUInt32LittleEndian(bytes[(int)(definition + 12)..]);
            for (var a = 0; a < count; a++)
            {
                Require(section, aux, 8, "Verdaux");
                result.Add(image.String(strings, BinaryPrimitives.ReadUInt32LittleEndian(bytes[(int)aux..])));
                aux += BinaryPrimitives.ReadUInt32LittleEndian(bytes[(int)(aux + 4)..]);
            }

            var next = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(int)(definition + 16)..]);
            if (next == 0)
            {
                return result;
            }

            definition += next;
        }

        throw new ElfLayoutException($"the Verdef chain of {section.Name} does not end");
    }

    private static void Require(ElfSection section, long offset, int size, string what)
    {
        if (offset < section.Offset || offset + size > section.Offset + section.Size)
        {
            throw new ElfLayoutException($"{what} at offset {offset} lies outside {section.Name} [{section.Offset}, {section.Offset + section.Size})");
        }
    }
}
