using EdgeMoE.Models.Data;

namespace EdgeMoE.Models.Tests.Data;

/// <summary>Small CIFAR binary files with known contents: record r of a file has pixel bytes (r·7 + i·13 + seed) mod 256.</summary>
internal static class CifarFiles
{
    public static byte[] Records(CifarVariant variant, int count, int seed, Func<int, int> fineLabel)
    {
        var labelBytes = Cifar.LabelBytes(variant);
        var record = labelBytes + Cifar.ImageBytes;
        var bytes = new byte[count * record];
        for (var r = 0; r < count; r++)
        {
            // CIFAR-100's coarse byte differs from the fine one, so a reader that takes the wrong byte is caught.
            if (labelBytes == 2)
            {
                bytes[r * record] = (byte)(19 - (fineLabel(r) % 20));
            }

            bytes[(r * record) + labelBytes - 1] = (byte)fineLabel(r);
            for (var i = 0; i < Cifar.ImageBytes; i++)
            {
                bytes[(r * record) + labelBytes + i] = (byte)(((r * 7) + (i * 13) + seed) % 256);
            }
        }

        return bytes;
    }

    /// <summary>Writes every file of both splits to <paramref name="folder"/>: <paramref name="perFile"/> records each.</summary>
    public static void WriteAll(string folder, CifarVariant variant, int perFile)
    {
        Directory.CreateDirectory(folder);
        var classes = Cifar.ClassCount(variant);
        var files = Cifar.FileNames(variant, train: true).Concat(Cifar.FileNames(variant, train: false)).ToList();
        for (var f = 0; f < files.Count; f++)
        {
            var seed = f;
            File.WriteAllBytes(Path.Combine(folder, files[f]), Records(variant, perFile, seed, r => ((r * 3) + seed) % classes));
        }
    }
}
