using EdgeMoE.Models.Data;

namespace EdgeMoE.Models.Tests.Data;

public sealed class LabeledImagesTests
{
    private static LabeledImages ThreeImages() =>
        new([.. Enumerable.Range(0, 3 * 2 * 2 * 2).Select(i => i / 24f)], [2, 0, 1], channels: 2, height: 2, width: 2, classes: 3);

    [Fact]
    public void An_image_is_its_slice_of_the_pixel_buffer()
    {
        var set = ThreeImages();

        Assert.Equal(8, set.ImageSize);
        Assert.Equal(set.Pixels.AsSpan(8, 8).ToArray(), set.Image(1).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => set.Image(3));
    }

    [Fact]
    public void A_subset_copies_the_chosen_images_in_order_with_repeats()
    {
        var set = ThreeImages();

        var subset = set.Subset([2, 0, 2]);

        Assert.Equal([1, 2, 1], subset.Labels);
        Assert.Equal(set.Image(2).ToArray(), subset.Image(0).ToArray());
        Assert.Equal(set.Image(0).ToArray(), subset.Image(1).ToArray());
        Assert.Equal((2, 2, 2, 3), (subset.Channels, subset.Height, subset.Width, subset.Classes));
        Assert.Throws<ArgumentOutOfRangeException>(() => set.Subset([3]));
    }

    [Fact]
    public void Gather_fills_caller_buffers_with_the_chosen_images_and_labels()
    {
        var set = ThreeImages();
        var pixels = new float[2 * 8];
        var labels = new int[2];

        set.Gather([1, 2], pixels, labels);

        Assert.Equal([0, 1], labels);
        Assert.Equal([.. set.Image(1).ToArray(), .. set.Image(2).ToArray()], pixels);
        Assert.Throws<ArgumentException>(() => set.Gather([0, 1], new float[15], new int[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => set.Gather([-1], new float[8], new int[1]));
    }

    [Fact]
    public void Class_counts_add_up_per_label()
    {
        Assert.Equal([1, 1, 1], ThreeImages().ClassCounts());
    }

    [Fact]
    public void Sizes_that_do_not_agree_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new LabeledImages(new float[7], [0, 1], 1, 2, 2, 2));

        Assert.Contains("need 8 pixels, got 7", error.Message);
    }

    [Fact]
    public void Labels_outside_the_classes_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new LabeledImages(new float[4], [0, 2], 1, 1, 2, 2));
        Assert.Throws<ArgumentException>(() => new LabeledImages(new float[4], [-1, 0], 1, 1, 2, 2));
    }

    [Theory]
    [InlineData(-0.01f)]
    [InlineData(1.01f)]
    [InlineData(float.NaN)]
    public void Pixels_outside_the_unit_interval_are_rejected(float bad)
    {
        var pixels = new float[4];
        pixels[3] = bad;

        Assert.Throws<ArgumentException>(() => new LabeledImages(pixels, [0, 1], 1, 1, 2, 2));
    }
}
