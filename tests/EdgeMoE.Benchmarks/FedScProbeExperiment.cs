using System.Globalization;
using EdgeMoE.Models.Data;
using EdgeMoE.Models.Data.Partitioning;
using EdgeMoE.Models.Evaluation;
using EdgeMoE.Models.Moe;
using EdgeMoE.Models.Moe.Federated;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgeMoE.Benchmarks;

/// <summary>
/// How good an extractor stage 1 of the nmoe scenario learns, judged the usual way for self-supervised features and
/// without the test set: a linear probe. Ten clients hold 2,500 Fashion-MNIST training images each (IID or
/// Non-IID(0.2) with the dominant share 1/(1 + τ), as hocon/nmoe.conf), train FedSC (eq. 4, as the scenario does) or
/// FedCE for the given rounds, and a softmax regression on the standardised features of 10,000 training images no
/// client holds is scored on 5,000 others no client holds.
/// <c>-- fedsc-probe fedsc|fedsc-local|fedce|none iid|non-iid ROUNDS LOCAL_EPOCHS LEARNING_RATE [BATCH = 50] [SEED = 1]</c>
/// (fedsc-local: FedAvg of the local spectral loss alone, eq. 4 without the other clients' correlation; none: the
/// extractor as initialised). Prints the probe's accuracy and the share of zero features after every round.
/// </summary>
internal static class FedScProbeExperiment
{
    private const int Clients = 10;
    private const int PerClient = 2500;

    // τ of Non-IID(τ); the dominant class holds 1/(1 + τ) of a client's images, as in hocon/nmoe.conf.
    private const double Tau = 0.2;

    public static void Run(string[] args)
    {
        if (args.Length < 5)
        {
            throw new ArgumentException("fedsc-probe: fedsc|fedsc-local|fedce|none iid|non-iid ROUNDS LOCAL_EPOCHS LEARNING_RATE [BATCH] [SEED]");
        }

        var method = args[0];
        var partition = args[1];
        if (method is not ("fedsc" or "fedsc-local" or "fedce" or "none") || partition is not ("iid" or "non-iid"))
        {
            throw new ArgumentException($"fedsc-probe: the method must be fedsc, fedsc-local, fedce or none and the partition iid or non-iid, got '{method}' '{partition}'");
        }

        var rounds = int.Parse(args[2], CultureInfo.InvariantCulture);
        var options = new LocalTrainingOptions(int.Parse(args[3], CultureInfo.InvariantCulture), args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 50,
            double.Parse(args[4], CultureInfo.InvariantCulture));
        var seed = args.Length > 6 ? int.Parse(args[6], CultureInfo.InvariantCulture) : 1;
        torch.set_num_threads(1);

        var train = FashionMnist.Load(FashionMnist.DefaultDirectory, train: true);
        IClientPartitioner partitioner = partition == "iid" ? new IidPartitioner(PerClient) : new DominantClassPartitioner(1 - (1 / (1 + Tau)), PerClient);
        var parts = partitioner.Partition(train.Labels, train.Classes, Clients, new Xoshiro256Random((ulong)seed));
        var held = HeldOut(train.Count, parts, seed);
        var probeTrain = train.Subset(held[..10_000]);
        var probeTest = train.Subset(held[10_000..15_000]);
        var shape = new NmoeShape(new CnnOptions(1, 28, 28, [8, 16], 64), 64, 64, train.Classes, Clients);
        var clients = Enumerable.Range(0, Clients)
            .Select(c => new FederatedClient(c, shape, new ClientDataSplit(train.Subset(parts[c]), probeTest), seed, $"probe/{partition}/client-{c}", 1.0 / Clients))
            .ToList();
        var samples = Enumerable.Repeat((double)PerClient, Clients).ToList();
        var shares = Enumerable.Repeat(1.0 / Clients, Clients).ToList();

        ModelWeights global = method switch
        {
            "fedce" => ModelWeights.Of(shape.NewExtractor(NetworkSeed.Generator(seed, "probe/fedce-global-init"))),
            _ => ModelWeights.Of(shape.NewContrastive(NetworkSeed.Generator(seed, "probe/fedsc-global-init"))),
        };
        Report(0, double.NaN, shape, method, global, seed, probeTrain, probeTest);
        for (var round = 1; method != "none" && round <= rounds; round++)
        {
            var updates = new List<ModelWeights>();
            var loss = 0.0;
            if (method == "fedce")
            {
                foreach (var client in clients)
                {
                    var (weights, l, _) = client.FedCeRound(global, options);
                    updates.Add(weights);
                    loss += l / Clients;
                }
            }
            else
            {
                // fedsc-local shares nothing: each client's loss is the local spectral loss alone.
                var shared = method == "fedsc" ? clients.Select(c => (float[]?)c.FedScCorrelation(global, options.BatchSize, 0)).ToList() : null;
                foreach (var client in clients)
                {
                    var others = shared is null ? null : SpectralContrastiveLoss.Others(shared, shares, client.Index);
                    var (weights, l) = client.FedScRound(global, others, options);
                    updates.Add(weights);
                    loss += l / Clients;
                }
            }

            global = FedAvg.Average(updates, samples);
            Report(round, loss, shape, method, global, seed, probeTrain, probeTest);
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    // The global weights as the network they belong to (FedCE: the extractor; FedSC: extractor and projection).
    private static nn.Module<Tensor, Tensor> Network(NmoeShape shape, string method, ModelWeights global, int seed)
    {
        nn.Module<Tensor, Tensor> network = method == "fedce"
            ? shape.NewExtractor(NetworkSeed.Generator(seed, "probe/load"))
            : shape.NewContrastive(NetworkSeed.Generator(seed, "probe/load"));
        global.LoadInto(network);
        return network;
    }

    private static int[] HeldOut(int count, int[][] parts, int seed)
    {
        var used = new bool[count];
        foreach (var index in parts.SelectMany(p => p))
        {
            used[index] = true;
        }

        var free = Enumerable.Range(0, count).Where(i => !used[i]).ToArray();
        // This draw picked the held-out images of the figures in hocon/nmoe.conf (Random.Shuffle draws another set).
        var random = new Xoshiro256Random((ulong)seed + 17);
        for (var i = free.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (free[i], free[j]) = (free[j], free[i]);
        }

        return free;
    }

    private static void Report(int round, double loss, NmoeShape shape, string method, ModelWeights global, int seed, LabeledImages probeTrain, LabeledImages probeTest)
    {
        using var network = Network(shape, method, global, seed);
        var extractor = network as CnnFeatureExtractor ?? ((ContrastiveModel)network).Extractor;
        var d = extractor.Options.FeatureSize;
        var rawTrain = ImageTraining.Features(extractor, probeTrain);
        var zeros = rawTrain.Count(v => v == 0) / (double)rawTrain.Length;
        var standardisation = FeatureStandardisation.Pool([FeatureMoments.Of(rawTrain, d)]);
        var xTrain = standardisation.Apply(rawTrain);
        var xTest = standardisation.Apply(ImageTraining.Features(extractor, probeTest));
        using var probe = torch.nn.Linear(d, probeTrain.Classes);
        SeededInitialisation.Apply(probe, NetworkSeed.Generator(1, "probe/head"));
        FeatureTraining.CrossEntropy(probe, xTrain, probeTrain.Labels, new LocalTrainingOptions(30, 100, 3e-3), new Xoshiro256Random(5));
        var metrics = ClassificationMetrics.Of(FeatureTraining.Probabilities(probe, xTest, probeTest.Count), probeTest.Labels, probeTest.Classes);
        Console.WriteLine(FormattableString.Invariant($"round {round,3}  loss {loss,9:0.0000}  probe {100 * metrics.Accuracy:0.00} %  zero features {100 * zeros:0.0} %"));
    }
}
