using EdgeMoE.Models.Data;

namespace EdgeMoE.Models.Tests.Data;

public sealed class SyntheticImagesTests
{
    [Fact]
    public void The_same_seed_gives_bit_identical_images_and_another_seed_does_not()
    {
        var a = SyntheticImages.GaussianClusters(50, 4, 2, 6, 5, 0.2, seed: 11);
        var b = SyntheticImages.GaussianClusters(50, 4, 2, 6, 5, 0.2, seed: 11);
        var c = SyntheticImages.GaussianClusters(50, 4, 2, 6, 5, 0.2, seed: 12);

        Assert.Equal(a.Pixels, b.Pixels);
        Assert.Equal(a.Labels, b.Labels);
        Assert.NotEqual(a.Pixels, c.Pixels);
    }

    [Fact]
    public void Classes_are_balanced_and_pixels_stay_in_the_unit_interval()
    {
        var set = SyntheticImages.GaussianClusters(103, 10, 1, 8, 8, noise: 2.0, seed: 3);

        Assert.Equal(103, set.Count);
        Assert.Equal((1, 8, 8, 10), (set.Channels, set.Height, set.Width, set.Classes));
        Assert.All(set.ClassCounts(), n => Assert.InRange(n, 10, 11));
        Assert.All(set.Pixels, p => Assert.InRange(p, 0f, 1f));
        Assert.Contains(set.Pixels, p => p == 0f);
        Assert.Contains(set.Pixels, p => p == 1f);
    }

    [Fact]
    public void Without_noise_every_image_of_a_class_is_its_prototype_and_prototypes_differ()
    {
        var set = SyntheticImages.GaussianClusters(40, 4, 3, 7, 7, noise: 0, seed: 5);

        var first = new float[4][];
        for (var i = 0; i < set.Count; i++)
        {
            var image = set.Image(i).ToArray();
            first[set.Labels[i]] ??= image;
            Assert.Equal(first[set.Labels[i]], image);
            Assert.All(image, p => Assert.InRange(p, 0.1f, 0.9f));
        }

        for (var k = 1; k < 4; k++)
        {
            Assert.True(Distance(first[0], first[k]) > 0.5, $"prototype {k} is too close to prototype 0");
        }
    }

    [Fact]
    public void Pixel_noise_has_the_requested_standard_deviation_away_from_the_clamps()
    {
        const double noise = 0.02;
        var clean = SyntheticImages.GaussianClusters(2000, 2, 1, 6, 6, noise: 0, seed: 9);
        var noisy = SyntheticImages.GaussianClusters(2000, 2, 1, 6, 6, noise, seed: 9);

        // Same seed: same prototypes and labels; the noise is then noisy − clean (no clamping at 0.1..0.9 ± 5σ).
        Assert.Equal(clean.Labels, noisy.Labels);
        double sum = 0, squares = 0;
        for (var i = 0; i < clean.Pixels.Length; i++)
        {
            var e = (double)noisy.Pixels[i] - clean.Pixels[i];
            sum += e;
            squares += e * e;
        }

        var n = clean.Pixels.Length;
        var mean = sum / n;
        var sd = Math.Sqrt((squares / n) - (mean * mean));
        Assert.InRange(mean, -4 * noise / Math.Sqrt(n), 4 * noise / Math.Sqrt(n));
        Assert.InRange(sd, noise * 0.98, noise * 1.02);
    }

    [Fact]
    public void A_nearest_centroid_classifier_learns_the_classes_but_not_perfectly_at_high_noise()
    {
        var train = SyntheticImages.GaussianClusters(2000, 10, 1, 12, 12, noise: 0.9, seed: 21);
        var test = SyntheticImages.GaussianClusters(4000, 10, 1, 12, 12, noise: 0.9, seed: 21);

        var accuracy = NearestCentroidAccuracy(train, test);

        Assert.InRange(accuracy, 0.3, 0.97);
    }

    [Fact]
    public void At_low_noise_a_nearest_centroid_classifier_is_nearly_perfect()
    {
        var train = SyntheticImages.GaussianClusters(500, 10, 1, 12, 12, noise: 0.1, seed: 21);
        var test = SyntheticImages.GaussianClusters(1000, 10, 1, 12, 12, noise: 0.1, seed: 21);

        Assert.True(NearestCentroidAccuracy(train, test) > 0.99);
    }

    private static double NearestCentroidAccuracy(LabeledImages train, LabeledImages test)
    {
        var centroids = new double[train.Classes][];
        var counts = train.ClassCounts();
        for (var k = 0; k < train.Classes; k++)
        {
            centroids[k] = new double[train.ImageSize];
        }

        for (var i = 0; i < train.Count; i++)
        {
            var image = train.Image(i);
            var centroid = centroids[train.Labels[i]];
            for (var p = 0; p < image.Length; p++)
            {
                centroid[p] += image[p] / counts[train.Labels[i]];
            }
        }

        var correct = 0;
        for (var i = 0; i < test.Count; i++)
        {
            var image = test.Image(i).ToArray();
            var best = Enumerable.Range(0, test.Classes).MinBy(k => Distance(image, centroids[k]));
            correct += best == test.Labels[i] ? 1 : 0;
        }

        return (double)correct / test.Count;
    }

    private static double Distance(float[] a, float[] b) =>
        Math.Sqrt(a.Zip(b, (x, y) => (double)(x - y) * (x - y)).Sum());

    private static double Distance(float[] a, double[] b) =>
        Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());
}
