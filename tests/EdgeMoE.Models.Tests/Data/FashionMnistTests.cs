using EdgeMoE.Models.Data;
using EdgeMoE.Models.Data.Idx;

namespace EdgeMoE.Models.Tests.Data;

public sealed class FashionMnistTests : IDisposable
{
    private const int Side = FashionMnist.Side;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public void A_split_loads_from_raw_or_gzipped_files_with_pixels_scaled_to_the_unit_interval(bool train, bool gzip)
    {
        WriteSplit(train, count: 7, gzip);

        var set = FashionMnist.Load(_dir.Path, train);

        Assert.Equal(7, set.Count);
        Assert.Equal((1, Side, Side, 10), (set.Channels, set.Height, set.Width, set.Classes));
        Assert.Equal(IdxFiles.Labels(7, 10).Select(b => (int)b), set.Labels);
        var bytes = IdxFiles.Pixels(7, Side);
        for (var i = 0; i < bytes.Length; i++)
        {
            Assert.Equal(bytes[i] / 255f, set.Pixels[i]);
        }
    }

    [Fact]
    public void Each_file_may_be_gzipped_or_not_independently_and_the_plain_file_wins()
    {
        var (images, labels) = FashionMnist.FileNames(train: false);
        IdxFiles.WriteImages(_dir.File(images + ".gz"), 3, Side, gzip: true);
        IdxFiles.WriteLabels(_dir.File(labels), 3, 10, gzip: false);
        File.WriteAllBytes(_dir.File(labels + ".gz"), [1, 2, 3]);

        Assert.Equal(3, FashionMnist.Load(_dir.Path, train: false).Count);
    }

    [Fact]
    public void Missing_files_say_how_to_install_the_package_or_pass_a_data_directory()
    {
        var error = Assert.Throws<DataSetException>(() => FashionMnist.Load(_dir.Path, train: true));

        Assert.Contains("train-images-idx3-ubyte", error.Message);
        Assert.Contains(_dir.Path, error.Message);
        Assert.Contains("apt-get install dataset-fashion-mnist", error.Message);
        Assert.Contains("--data-dir", error.Message);
    }

    [Fact]
    public void A_missing_label_file_is_reported_even_when_the_images_exist()
    {
        var (images, _) = FashionMnist.FileNames(train: true);
        IdxFiles.WriteImages(_dir.File(images + ".gz"), 3, Side, gzip: true);

        var error = Assert.Throws<DataSetException>(() => FashionMnist.Load(_dir.Path, train: true));

        Assert.Contains("train-labels-idx1-ubyte", error.Message);
    }

    [Fact]
    public void Image_and_label_counts_that_differ_name_both_files()
    {
        var (images, labels) = TrainPaths();
        IdxFiles.WriteImages(images, 5, Side, gzip: false);
        IdxFiles.WriteLabels(labels, 4, 10, gzip: false);

        var error = TrainLoadError();

        Assert.Contains("holds 4 labels", error);
        Assert.Contains("holds 5 images", error);
        Assert.Contains(labels, error);
    }

    [Fact]
    public void A_label_outside_the_ten_classes_is_corruption_of_the_label_file()
    {
        var (images, labels) = TrainPaths();
        IdxFiles.WriteImages(images, 3, Side, gzip: false);
        IdxWriter.Write(labels, [3], [0, 10, 2], gzip: false);

        var error = TrainLoadError();

        Assert.Contains("label 10 of item 1 is outside [0, 10)", error);
        Assert.Contains(labels, error);
    }

    [Fact]
    public void Images_of_another_size_are_not_fashion_mnist()
    {
        var (images, labels) = TrainPaths();
        IdxFiles.WriteImages(images, 3, 27, gzip: false);
        IdxFiles.WriteLabels(labels, 3, 10, gzip: false);

        var error = TrainLoadError();

        Assert.Contains("1×27×27, expected 1×28×28", error);
    }

    [Fact]
    public void A_label_file_with_two_dimensions_is_rejected()
    {
        var (images, labels) = TrainPaths();
        IdxFiles.WriteImages(images, 2, Side, gzip: false);
        IdxWriter.Write(labels, [2, 1], [0, 1], gzip: false);

        var error = TrainLoadError();

        Assert.Contains("is not a label file", error);
    }

    [Fact]
    public void A_truncated_image_file_is_named_in_the_error()
    {
        var (images, labels) = TrainPaths();
        var raw = IdxFiles.Raw([2, Side, Side], IdxFiles.Pixels(2, Side));
        File.WriteAllBytes(images, raw[..^100]);
        IdxFiles.WriteLabels(labels, 2, 10, gzip: false);

        Assert.Contains($"'{images}' is truncated", TrainLoadError());
    }

    [Fact]
    public void There_are_ten_class_names_in_label_order()
    {
        Assert.Equal(10, FashionMnist.ClassNames.Count);
        Assert.Equal("T-shirt/top", FashionMnist.ClassNames[0]);
        Assert.Equal("Ankle boot", FashionMnist.ClassNames[9]);
    }

    [Fact]
    public void Four_dimensional_image_files_keep_their_channels()
    {
        var images = new IdxArray("images", [2, 3, 2, 2], [.. Enumerable.Range(0, 24).Select(i => (byte)(i * 10))]);
        var labels = new IdxArray("labels", [2], [1, 0]);

        var set = IdxImageSet.Combine(images, labels, classes: 2);

        Assert.Equal((3, 2, 2), (set.Channels, set.Height, set.Width));
        Assert.Equal(230 / 255f, set.Pixels[23]);
    }

    private (string Images, string Labels) TrainPaths()
    {
        var (images, labels) = FashionMnist.FileNames(train: true);
        return (_dir.File(images), _dir.File(labels));
    }

    private string TrainLoadError() => Assert.Throws<DataSetException>(() => FashionMnist.Load(_dir.Path, train: true)).Message;

    private void WriteSplit(bool train, int count, bool gzip)
    {
        var (images, labels) = FashionMnist.FileNames(train);
        var suffix = gzip ? ".gz" : string.Empty;
        IdxFiles.WriteImages(_dir.File(images + suffix), count, Side, gzip);
        IdxFiles.WriteLabels(_dir.File(labels + suffix), count, 10, gzip);
    }
}
