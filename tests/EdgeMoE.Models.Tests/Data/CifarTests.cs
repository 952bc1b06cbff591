using EdgeMoE.Models.Data;

namespace EdgeMoE.Models.Tests.Data;

public sealed class CifarTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Cifar10_training_split_reads_the_five_batches_in_order_as_3x32x32_images_scaled_to_the_unit_interval()
    {
        CifarFiles.WriteAll(_dir.Path, CifarVariant.Cifar10, perFile: 3);

        var set = Cifar.Load(_dir.Path, CifarVariant.Cifar10, train: true);

        Assert.Equal((15, 3, 32, 32, 10), (set.Count, set.Channels, set.Height, set.Width, set.Classes));
        for (var f = 0; f < 5; f++)
        {
            var expected = CifarFiles.Records(CifarVariant.Cifar10, 3, f, r => ((r * 3) + f) % 10);
            for (var r = 0; r < 3; r++)
            {
                var image = (f * 3) + r;
                Assert.Equal(expected[r * 3073], set.Labels[image]);
                // Channel-major in the file and in LabeledImages: byte i of the image is pixel i (channel, row, column).
                for (var i = 0; i < Cifar.ImageBytes; i += 97)
                {
                    Assert.Equal(expected[(r * 3073) + 1 + i] / 255f, set.Pixels[(image * Cifar.ImageBytes) + i]);
                }
            }
        }
    }

    [Fact]
    public void Cifar10_test_split_is_test_batch()
    {
        CifarFiles.WriteAll(_dir.Path, CifarVariant.Cifar10, perFile: 2);
        File.WriteAllBytes(_dir.File("test_batch.bin"), CifarFiles.Records(CifarVariant.Cifar10, 4, 99, r => 9 - r));

        var set = Cifar.Load(_dir.Path, CifarVariant.Cifar10, train: false);

        Assert.Equal([9, 8, 7, 6], set.Labels);
        Assert.Equal(99 / 255f, set.Pixels[0]);
    }

    [Fact]
    public void Cifar100_uses_the_fine_label_of_the_two_label_bytes()
    {
        CifarFiles.WriteAll(_dir.Path, CifarVariant.Cifar100, perFile: 2);
        File.WriteAllBytes(_dir.File("train.bin"), CifarFiles.Records(CifarVariant.Cifar100, 3, 5, r => 97 + r));

        var set = Cifar.Load(_dir.Path, CifarVariant.Cifar100, train: true);

        Assert.Equal((3, 3, 32, 32, 100), (set.Count, set.Channels, set.Height, set.Width, set.Classes));
        Assert.Equal([97, 98, 99], set.Labels);
        Assert.Equal(((7 * 2) + (13 * 5) + 5) % 256 / 255f, set.Pixels[(2 * Cifar.ImageBytes) + 5]);
    }

    [Fact]
    public void The_archive_folder_inside_the_given_folder_is_found()
    {
        CifarFiles.WriteAll(Path.Combine(_dir.Path, "cifar-10-batches-bin"), CifarVariant.Cifar10, perFile: 1);

        Assert.Equal(5, Cifar.Load(_dir.Path, CifarVariant.Cifar10, train: true).Count);
    }

    [Theory]
    [InlineData(CifarVariant.Cifar10, "data_batch_3.bin")]
    [InlineData(CifarVariant.Cifar10, "test_batch.bin")]
    [InlineData(CifarVariant.Cifar100, "test.bin")]
    public void A_missing_file_is_named_with_where_to_get_the_data(CifarVariant variant, string removed)
    {
        CifarFiles.WriteAll(_dir.Path, variant, perFile: 1);
        File.Delete(_dir.File(removed));

        var error = Assert.Throws<DataSetException>(() => Cifar.Load(_dir.Path, variant, train: true));

        Assert.Contains(_dir.File(removed), error.Message, StringComparison.Ordinal);
        Assert.Contains("https://www.cs.toronto.edu/~kriz/cifar.html", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CifarVariant.Cifar10, 3073 + 1)]
    [InlineData(CifarVariant.Cifar10, 3072)]
    [InlineData(CifarVariant.Cifar100, 3073)]
    [InlineData(CifarVariant.Cifar100, 0)]
    public void A_size_that_is_not_a_whole_positive_number_of_records_is_named(CifarVariant variant, int size)
    {
        CifarFiles.WriteAll(_dir.Path, variant, perFile: 1);
        var name = Cifar.FileNames(variant, train: false)[0];
        File.WriteAllBytes(_dir.File(name), new byte[size]);

        var error = Assert.Throws<DataSetException>(() => Cifar.Load(_dir.Path, variant, train: false));

        Assert.Contains(_dir.File(name), error.Message, StringComparison.Ordinal);
        Assert.Contains($"{size} bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CifarVariant.Cifar10, 10)]
    [InlineData(CifarVariant.Cifar10, 255)]
    [InlineData(CifarVariant.Cifar100, 100)]
    public void A_label_out_of_range_names_file_record_and_label(CifarVariant variant, int label)
    {
        CifarFiles.WriteAll(_dir.Path, variant, perFile: 1);
        var name = Cifar.FileNames(variant, train: true)[^1];
        File.WriteAllBytes(_dir.File(name), CifarFiles.Records(variant, 3, 0, r => r == 2 ? label : 1));

        var error = Assert.Throws<DataSetException>(() => Cifar.Load(_dir.Path, variant, train: true));

        Assert.Contains(_dir.File(name), error.Message, StringComparison.Ordinal);
        Assert.Contains($"record 2 has label {label}", error.Message, StringComparison.Ordinal);
    }
}
