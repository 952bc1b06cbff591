using EdgeMoE.Models.Data.Idx;

namespace EdgeMoE.Models.Data;

/// <summary>
/// Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 60,000 training and 10,000 test 28×28 grey images of
/// 10 clothing classes, read from the IDX files the Debian package <c>dataset-fashion-mnist</c> installs.
/// </summary>
public static class FashionMnist
{
    /// <summary>Where the Debian package <c>dataset-fashion-mnist</c> puts the files.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The Debian package that provides the data set.</summary>
    public const string DebianPackage = "dataset-fashion-mnist";

    /// <summary>Number of classes.</summary>
    public const int ClassCount = 10;

    /// <summary>Image side in pixels.</summary>
    public const int Side = 28;

    /// <summary>Class names, indexed by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
    [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ];

    /// <summary>Base names of the image and label files of one split (without the optional .gz).</summary>
    public static (string Images, string Labels) FileNames(bool train) => train
        ? ("train-images-idx3-ubyte", "train-labels-idx1-ubyte")
        : ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    /// <summary>
    /// Loads the training split (<paramref name="train"/> true, 60,000 images) or the test split (10,000)
    /// from <paramref name="directory"/>, where each file may be gzipped (<c>x.gz</c>) or not (<c>x</c>).
    /// Images are 1×28×28 with pixels in [0, 1]. Throws <see cref="DataSetException"/> when a file is
    /// missing (the message says how to install the package or pass <c>--data-dir</c>) or corrupted.
    /// </summary>
    public static LabeledImages Load(string directory, bool train)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var (imagesName, labelsName) = FileNames(train);
        var imagesPath = Locate(directory, imagesName);
        var labelsPath = Locate(directory, labelsName);
        var set = IdxImageSet.Load(imagesPath, labelsPath, ClassCount);
        if (set.Channels != 1 || set.Height != Side || set.Width != Side)
        {
            throw new DataSetException(
                $"'{imagesPath}' is not Fashion-MNIST: its images are {set.Channels}×{set.Height}×{set.Width}, expected 1×{Side}×{Side}.");
        }

        return set;
    }

    /// <summary>The path of <paramref name="name"/> or <paramref name="name"/>.gz in the directory, the plain file first.</summary>
    private static string Locate(string directory, string name)
    {
        var plain = Path.Combine(directory, name);
        if (File.Exists(plain))
        {
            return plain;
        }

        var gzipped = plain + ".gz";
        if (File.Exists(gzipped))
        {
            return gzipped;
        }

        throw new DataSetException(
            $"Fashion-MNIST is not in '{directory}': neither {name} nor {name}.gz exists there. " +
            $"Install it with `sudo apt-get install {DebianPackage}` (files go to {DefaultDirectory}) " +
            "or pass --data-dir DIR naming a folder that holds the four Fashion-MNIST IDX files.");
    }
}
