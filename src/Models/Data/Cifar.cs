using EdgeMoE.Models.Data.Idx;

namespace EdgeMoE.Models.Data;

/// <summary>
/// CIFAR-10 and CIFAR-100 in their binary ("for C programs") format: fixed-size records of label byte(s) followed by a
/// 3×32×32 image, channel-major (all red, then green, then blue, each row-major). Pixels are scaled to [0, 1] as
/// x / 255, as for Fashion-MNIST. CIFAR-100 yields its 100 fine labels.
/// </summary>
public static class Cifar
{
    /// <summary>Image side in pixels.</summary>
    public const int Side = 32;

    /// <summary>Colour channels per image.</summary>
    public const int Channels = 3;

    /// <summary>Pixel bytes per record (3 × 32 × 32).</summary>
    public const int ImageBytes = Channels * Side * Side;

    /// <summary>Where the distributed archives unpack their files, tried inside the given folder when the files are not directly in it.</summary>
    public static string ArchiveFolder(CifarVariant variant) => variant == CifarVariant.Cifar10 ? "cifar-10-batches-bin" : "cifar-100-binary";

    /// <summary>Number of classes: 10, or CIFAR-100's 100 fine classes.</summary>
    public static int ClassCount(CifarVariant variant) => variant == CifarVariant.Cifar10 ? 10 : 100;

    /// <summary>Label bytes before each image: 1 for CIFAR-10, 2 (coarse, fine) for CIFAR-100.</summary>
    public static int LabelBytes(CifarVariant variant) => variant == CifarVariant.Cifar10 ? 1 : 2;

    /// <summary>The files of one split, in reading order.</summary>
    public static IReadOnlyList<string> FileNames(CifarVariant variant, bool train) => (variant, train) switch
    {
        (CifarVariant.Cifar10, true) => ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"],
        (CifarVariant.Cifar10, false) => ["test_batch.bin"],
        (_, true) => ["train.bin"],
        _ => ["test.bin"],
    };

    /// <summary>
    /// Loads the training split (<paramref name="train"/> true; 50,000 images in the real files) or the test split (10,000)
    /// from <paramref name="directory"/> or its <see cref="ArchiveFolder"/> subfolder, as 3×32×32 images with pixels in [0, 1].
    /// </summary>
    /// <exception cref="DataSetException">A file is missing, empty, not a whole number of records, or holds a label out of range; the message names the file.</exception>
    public static LabeledImages Load(string directory, CifarVariant variant, bool train)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var folder = Locate(directory, variant);
        var labelBytes = LabelBytes(variant);
        var classes = ClassCount(variant);
        var record = labelBytes + ImageBytes;
        var contents = FileNames(variant, train).Select(name => (Path: Path.Combine(folder, name), Bytes: File.ReadAllBytes(Path.Combine(folder, name)))).ToList();
        foreach (var (path, bytes) in contents)
        {
            if (bytes.Length == 0 || bytes.Length % record != 0)
            {
                throw new DataSetException(
                    $"'{path}' is not a {Name(variant)} binary file: its {bytes.Length} bytes are not a whole, positive number of {record}-byte records " +
                    $"({labelBytes} label byte{(labelBytes == 1 ? "" : "s")} + {ImageBytes} pixel bytes).");
            }
        }

        var count = contents.Sum(c => c.Bytes.Length / record);
        var pixels = new float[(long)count * ImageBytes];
        var labels = new int[count];
        var image = 0;
        foreach (var (path, bytes) in contents)
        {
            for (var offset = 0; offset < bytes.Length; offset += record, image++)
            {
                // The fine label is the last label byte (CIFAR-100's second; CIFAR-10's only one).
                var label = bytes[offset + labelBytes - 1];
                if (label >= classes)
                {
                    throw new DataSetException(
                        $"'{path}': record {offset / record} has label {label}, outside [0, {classes}) of {Name(variant)}.");
                }

                labels[image] = label;
                PixelScaling.ToUnitInterval(bytes.AsSpan(offset + labelBytes, ImageBytes), pixels.AsSpan((int)((long)image * ImageBytes), ImageBytes));
            }
        }

        return LabeledImages.WithPixelsInRange(pixels, labels, Channels, Side, Side, classes);
    }

    private static string Name(CifarVariant variant) => variant == CifarVariant.Cifar10 ? "CIFAR-10" : "CIFAR-100";

    /// <summary>The folder holding every file of both splits: <paramref name="directory"/> itself, else its archive subfolder.</summary>
    private static string Locate(string directory, CifarVariant variant)
    {
        var names = FileNames(variant, train: true).Concat(FileNames(variant, train: false)).ToList();
        var nested = Path.Combine(directory, ArchiveFolder(variant));
        foreach (var folder in new[] { directory, nested })
        {
            if (names.All(n => File.Exists(Path.Combine(folder, n))))
            {
                return folder;
            }
        }

        var missing = names.First(n => !File.Exists(Path.Combine(directory, n)));
        throw new DataSetException(
            $"{Name(variant)} is not in '{directory}': '{Path.Combine(directory, missing)}' does not exist (nor in {ArchiveFolder(variant)}/ there). " +
            $"{Name(variant)} is not packaged for Debian: download the binary version from https://www.cs.toronto.edu/~kriz/cifar.html, unpack it " +
            $"and point edgemoe.run.data-dir (or --data-dir) at the folder holding {string.Join(", ", names)}.");
    }
}
