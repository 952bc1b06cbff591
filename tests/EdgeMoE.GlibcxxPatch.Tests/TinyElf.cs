using System.Buffers.Binary;
using System.Text;

namespace EdgeMoE.GlibcxxPatch.Tests;

/// <summary>
/// Builds a minimal ELF64 little-endian file with .shstrtab, .dynstr, .gnu.version_d (the given definitions) and
/// .gnu.version_r (the given requirements from one library), laid out as a linker would.
/// </summary>
internal static class TinyElf
{
    public static byte[] Build(string[] definitions, string needFile, string[] needs)
    {
        var dynstr = new StringTable();
        var defined = definitions.Select(dynstr.Add).ToArray();
        var file = dynstr.Add(needFile);
        var needed = needs.Select(dynstr.Add).ToArray();

        var verdef = new byte[28 * definitions.Length];
        for (var i = 0; i < definitions.Length; i++)
        {
            var d = verdef.AsSpan(28 * i);
            BinaryPrimitives.WriteUInt16LittleEndian(d, 1);
            BinaryPrimitives.WriteUInt16LittleEndian(d[4..], (ushort)(i + 1));
            BinaryPrimitives.WriteUInt16LittleEndian(d[6..], 1);
            BinaryPrimitives.WriteUInt32LittleEndian(d[12..], 20);
            BinaryPrimitives.WriteUInt32LittleEndian(d[16..], i + 1 < definitions.Length ? 28u : 0u);
            BinaryPrimitives.WriteUInt32LittleEndian(d[20..], defined[i]);
        }

        var verneed = new byte[16 + (16 * needs.Length)];
        BinaryPrimitives.WriteUInt16LittleEndian(verneed, 1);
        BinaryPrimitives.WriteUInt16LittleEndian(verneed.AsSpan(2), (ushort)needs.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(verneed.AsSpan(4), file);
        BinaryPrimitives.WriteUInt32LittleEndian(verneed.AsSpan(8), 16);
        for (var i = 0; i < needs.Length; i++)
        {
            var a = verneed.AsSpan(16 + (16 * i));
            BinaryPrimitives.WriteUInt16LittleEndian(a[6..], (ushort)(i + 2));
            BinaryPrimitives.WriteUInt32LittleEndian(a[8..], needed[i]);
            BinaryPrimitives.WriteUInt32LittleEndian(a[12..], i + 1 < needs.Length ? 16u : 0u);
        }

        var names = new StringTable();
        var sections = new List<(uint Name, uint Type, byte[] Data, uint Link)>
        {
            (names.Add(".dynstr"), 3, [], 0),
            (names.Add(".gnu.version_d"), 0x6ffffffd, verdef, 1),
            (names.Add(".gnu.version_r"), 0x6ffffffe, verneed, 1),
            (names.Add(".shstrtab"), 3, [], 0),
        };
        sections[0] = sections[0] with { Data = dynstr.Bytes() };
        sections[3] = sections[3] with { Data = names.Bytes() };

        using var output = new MemoryStream();
        output.Write(new byte[64]);
        var offsets = new List<long>();
        foreach (var section in sections)
        {
            while (output.Length % 8 != 0)
            {
                output.WriteByte(0);
            }

            offsets.Add(output.Length);
            output.Write(section.Data);
        }

        while (output.Length % 8 != 0)
        {
            output.WriteByte(0);
        }

        var table = output.Length;
        output.Write(new byte[64]);
        for (var i = 0; i < sections.Count; i++)
        {
            var header = new byte[64];
            BinaryPrimitives.WriteUInt32LittleEndian(header, sections[i].Name);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), sections[i].Type);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(0x18), (ulong)offsets[i]);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(0x20), (ulong)sections[i].Data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x28), sections[i].Link);
            output.Write(header);
        }

        var bytes = output.ToArray();
        bytes[0] = 0x7f;
        bytes[1] = (byte)'E';
        bytes[2] = (byte)'L';
        bytes[3] = (byte)'F';
        bytes[4] = 2;
        bytes[5] = 1;
        bytes[6] = 1;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(0x28), (ulong)table);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x3A), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x3C), (ushort)(sections.Count + 1));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x3E), (ushort)sections.Count);
        return bytes;
    }

    private sealed class StringTable
    {
        private readonly MemoryStream _bytes = new();

        public StringTable() => _bytes.WriteByte(0);

        public uint Add(string value)
        {
            var index = (uint)_bytes.Position;
            _bytes.Write(Encoding.ASCII.GetBytes(value));
            _bytes.WriteByte(0);
            return index;
        }

        public byte[] Bytes() => _bytes.ToArray();
    }
}
