using EdgeMoE.Host.Cli;
using EdgeMoE.Models.Data;
using EdgeMoE.Models.Data.Partitioning;
using EdgeMoE.Models.Moe.Federated;

namespace EdgeMoE.Host.Scenarios.Nmoe;

/// <summary>
/// The clients' local data of one partition. Training images: the training set split by <see cref="IidPartitioner"/> or
/// <see cref="DominantClassPartitioner"/> (no image given twice). Test images: each client's own draw from the test set
/// with its training distribution (Table I trains and tests under the same split); test images may repeat across
/// clients, since the paper's 10 × 1,000 test images of one dominant class each would need every test image of that
/// class with no slack for the other clients' shares.
/// </summary>
internal static class NmoeDataSplit
{
    /// <summary>The local data of every client under <paramref name="partition"/> (<c>iid</c> or <c>non-iid</c>).</summary>
    /// <exception cref="BadInputException">The data set is too small for the requested images per client.</exception>
    public static IReadOnlyList<ClientDataSplit> Make(NmoeSettings settings, string partition, LabeledImages train, LabeledImages test, int seed)
    {
        var scope = $"nmoe/{partition}";
        try
        {
            var trainParts = Partitioner(settings, partition, settings.TrainPerClient)
                .Partition(train.Labels, train.Classes, settings.Clients, DerivedSeeds.For(seed, $"{scope}/train-split"));
            return [.. Enumerable.Range(0, settings.Clients).Select(c =>
                new ClientDataSplit(train.Subset(trainParts[c]), test.Subset(TestDraw(settings, partition, test, c, DerivedSeeds.For(seed, $"{scope}/test-split/client-{c}")))))];
        }
        catch (ArgumentException e)
        {
            throw new BadInputException($"edgemoe.nmoe.train-per-client = {settings.TrainPerClient}, test-per-client = {settings.TestPerClient}: {e.Message}", e);
        }
    }

    private static IClientPartitioner Partitioner(NmoeSettings settings, string partition, int perClient) =>
        partition == "iid" ? new IidPartitioner(perClient) : new DominantClassPartitioner(1 - settings.DominantShare, perClient);

    private static int[] TestDraw(NmoeSettings settings, string partition, LabeledImages test, int client, Random random)
    {
        // The dominant class of client c is c mod K; shifting the labels by c makes it class 0, the one client of a one-client split.
        var classes = test.Classes;
        var shifted = test.Labels.Select(l => ((l - DominantClassPartitioner.DominantClass(client, classes)) % classes + classes) % classes).ToArray();
        return Partitioner(settings, partition, settings.TestPerClient).Partition(shifted, classes, 1, random)[0];
    }
}
