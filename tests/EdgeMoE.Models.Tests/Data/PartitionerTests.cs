using EdgeMoE.Models.Data.Partitioning;
using FsCheck;
using FsCheck.Fluent;

namespace EdgeMoE.Models.Tests.Data;

public sealed class PartitionerTests
{
    /// <summary>A random labelled data set and client count: (labels, classes, clients, seed).</summary>
    private static readonly Arbitrary<(int[] Labels, int Classes, int Clients, int Seed)> DataSets =
        (from classes in Gen.Choose(1, 8)
         from clients in Gen.Choose(1, 12)
         from size in Gen.Choose(0, 400)
         from labels in Gen.ArrayOf(Gen.Choose(0, classes - 1), size)
         from seed in Gen.Choose(0, int.MaxValue)
         select (labels, classes, clients, seed)).ToArbitrary();

    [Fact]
    public void Iid_gives_every_index_at_most_once_and_shares_all_items_evenly()
    {
        PropertyCheck.Holds(Prop.ForAll(DataSets, d =>
        {
            var parts = new IidPartitioner().Partition(d.Labels, d.Classes, d.Clients, new Random(d.Seed));
            return parts.Length == d.Clients
                && UsedAtMostOnce(parts, d.Labels.Length)
                && parts.Sum(p => p.Length) == d.Labels.Length
                && parts.Max(p => p.Length) - parts.Min(p => p.Length) <= 1;
        }), seed: 1);
    }

    [Fact]
    public void Iid_with_a_fixed_size_gives_each_client_that_many_distinct_items()
    {
        PropertyCheck.Holds(Prop.ForAll(DataSets, d =>
        {
            var perClient = Math.Max(1, d.Labels.Length / (d.Clients + 1));
            if (perClient * d.Clients > d.Labels.Length)
            {
                return true;
            }

            var parts = new IidPartitioner(perClient).Partition(d.Labels, d.Classes, d.Clients, new Random(d.Seed));
            return UsedAtMostOnce(parts, d.Labels.Length) && parts.All(p => p.Length == perClient);
        }), seed: 2);
    }

    [Fact]
    public void Iid_clients_see_the_global_class_mix()
    {
        var labels = Balanced(classes: 10, perClass: 2000);
        var parts = new IidPartitioner(2000).Partition(labels, 10, 10, new Random(3));

        // Each class count is Hypergeometric(20000, 2000, 2000): mean 200, sd ≈ 12.7; 6 sd bounds.
        Assert.All(parts, p => Assert.All(ClassCounts(p, labels, 10), n => Assert.InRange(n, 124, 276)));
    }

    [Fact]
    public void Dominant_class_clients_hold_a_share_one_minus_tau_of_their_dominant_class_and_every_class()
    {
        var taus = Gen.Elements(0.0, 0.2, 0.3, 0.5, 0.75, 0.9, 1.0);
        var cases = (from classes in Gen.Choose(2, 10)
                     from clients in Gen.Choose(1, 15)
                     from perClient in Gen.Choose(classes, 60)
                     from tau in taus
                     from seed in Gen.Choose(0, int.MaxValue)
                     select (classes, clients, perClient, tau, seed)).ToArbitrary();

        PropertyCheck.Holds(Prop.ForAll(cases, c =>
        {
            var labels = Balanced(c.classes, perClass: c.clients * c.perClient);
            var partitioner = new DominantClassPartitioner(c.tau, c.perClient);
            var parts = partitioner.Partition(labels, c.classes, c.clients, new Random(c.seed));
            var rest = c.perClient - partitioner.DominantCount(c.classes);
            for (var client = 0; client < c.clients; client++)
            {
                var counts = ClassCounts(parts[client], labels, c.classes);
                var home = DominantClassPartitioner.DominantClass(client, c.classes);
                var others = counts.Where((_, k) => k != home).ToArray();
                var dominantShare = (double)counts[home] / c.perClient;
                if (parts[client].Length != c.perClient
                    || Math.Abs(dominantShare - (1 - c.tau)) > (0.5 / c.perClient) + 1e-12
                    || others.Max() - others.Min() > 1
                    || (rest >= c.classes - 1 && others.Min() == 0))
                {
                    return false;
                }
            }

            return UsedAtMostOnce(parts, labels.Length);
        }), seed: 4);
    }

    [Fact]
    public void Non_iid_of_the_paper_gives_each_of_ten_clients_half_its_items_from_one_class()
    {
        var labels = Balanced(classes: 10, perClass: 5000);
        var parts = new DominantClassPartitioner(tau: 0.5, samplesPerClient: 2500).Partition(labels, 10, 10, new Random(5));

        for (var client = 0; client < 10; client++)
        {
            var counts = ClassCounts(parts[client], labels, 10);
            Assert.Equal(1250, counts[client]);
            Assert.All(counts.Where((_, k) => k != client), n => Assert.InRange(n, 138, 139));
        }
    }

    [Fact]
    public void Dominant_class_demand_beyond_the_data_set_is_refused_with_the_class_named()
    {
        var labels = Balanced(classes: 2, perClass: 10);

        var error = Assert.Throws<ArgumentException>(
            () => new DominantClassPartitioner(0.0, samplesPerClient: 6).Partition(labels, 2, 4, new Random(1)));

        Assert.Contains("needs 12 items of class 0; the data set has 10", error.Message);
    }

    [Fact]
    public void Dirichlet_gives_every_index_exactly_once()
    {
        var alphas = Gen.Elements(0.01, 0.1, 0.5, 1.0, 10.0, 1000.0).ToArbitrary();
        PropertyCheck.Holds(Prop.ForAll(DataSets, alphas, (d, alpha) =>
        {
            var parts = new DirichletPartitioner(alpha).Partition(d.Labels, d.Classes, d.Clients, new Random(d.Seed));
            return parts.Length == d.Clients
                && UsedAtMostOnce(parts, d.Labels.Length)
                && parts.Sum(p => p.Length) == d.Labels.Length;
        }), seed: 6);
    }

    [Fact]
    public void Dirichlet_concentrates_clients_on_few_classes_as_alpha_shrinks()
    {
        var labels = Balanced(classes: 10, perClass: 1000);

        var skew = new[] { 0.05, 0.5, 5.0, 500.0 }.Select(alpha => MeanLargestClassShare(alpha, labels)).ToArray();

        // A client's largest class share falls towards 1/K = 0.1 as α grows and towards 1 as α → 0.
        Assert.True(skew[0] > 0.75, $"α = 0.05: {skew[0]}");
        Assert.True(skew[3] < 0.13, $"α = 500: {skew[3]}");
        Assert.True(skew[0] > skew[1] && skew[1] > skew[2] && skew[2] > skew[3], string.Join(", ", skew));
    }

    [Fact]
    public void Dirichlet_class_shares_have_the_closed_form_mean_and_variance()
    {
        // Per class, client j's share is Beta(α, (M−1)α): mean 1/M, variance (M−1)/(M²(Mα+1)).
        const int classes = 200, clients = 5, perClass = 1000;
        const double alpha = 0.7;
        var labels = Balanced(classes, perClass);
        var parts = new DirichletPartitioner(alpha).Partition(labels, classes, clients, new Random(7));
        var shares = parts.SelectMany(p => ClassCounts(p, labels, classes).Select(n => (double)n / perClass)).ToArray();

        var mean = shares.Average();
        var variance = shares.Sum(s => (s - mean) * (s - mean)) / shares.Length;
        var expected = (clients - 1.0) / (clients * clients * ((clients * alpha) + 1));

        Assert.Equal(1.0 / clients, mean, 12);
        Assert.InRange(variance, expected * 0.85, expected * 1.15);
    }

    [Fact]
    public void Partitions_are_deterministic_from_the_seed()
    {
        var labels = Balanced(classes: 5, perClass: 40);
        IClientPartitioner[] partitioners = [new IidPartitioner(), new DominantClassPartitioner(0.3, 20), new DirichletPartitioner(0.5)];

        foreach (var partitioner in partitioners)
        {
            var a = partitioner.Partition(labels, 5, 6, new Random(8));
            var b = partitioner.Partition(labels, 5, 6, new Random(8));
            var c = partitioner.Partition(labels, 5, 6, new Random(9));
            Assert.Equal(a, b);
            Assert.NotEqual(a, c);
        }
    }

    [Fact]
    public void Out_of_range_parameters_and_labels_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DominantClassPartitioner(1.5, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DominantClassPartitioner(0.5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DirichletPartitioner(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IidPartitioner(0));
        Assert.Throws<ArgumentException>(() => new IidPartitioner().Partition([0, 3], 3, 1, new Random(1)));
        Assert.Throws<ArgumentException>(() => new IidPartitioner(3).Partition([0, 1, 2, 0, 1], 3, 2, new Random(1)));
    }

    private static double MeanLargestClassShare(double alpha, int[] labels)
    {
        var parts = new DirichletPartitioner(alpha).Partition(labels, 10, 20, new Random(10));
        return parts.Where(p => p.Length > 0).Average(p => (double)ClassCounts(p, labels, 10).Max() / p.Length);
    }

    private static bool UsedAtMostOnce(int[][] parts, int count)
    {
        var seen = new bool[count];
        foreach (var index in parts.SelectMany(p => p))
        {
            if ((uint)index >= (uint)count || seen[index])
            {
                return false;
            }

            seen[index] = true;
        }

        return true;
    }

    private static int[] ClassCounts(int[] part, int[] labels, int classes)
    {
        var counts = new int[classes];
        foreach (var index in part)
        {
            counts[labels[index]]++;
        }

        return counts;
    }

    private static int[] Balanced(int classes, int perClass) =>
        [.. Enumerable.Range(0, classes * perClass).Select(i => i % classes)];
}
