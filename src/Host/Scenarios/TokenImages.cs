using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Settings;
using EdgeMoE.Models.Data;

namespace EdgeMoE.Host.Scenarios;

/// <summary>The images a scenario draws tokens from (training set) and measures accuracy on (test set).</summary>
/// <param name="Train">Token source.</param>
/// <param name="Test">Held-out images.</param>
/// <param name="Name"><c>fashion-mnist</c>, <c>synthetic</c>, <c>cifar-10</c> or <c>cifar-100</c>, as recorded in summary.json.</param>
public sealed record TokenImages(LabeledImages Train, LabeledImages Test, string Name)
{
    public const string FashionMnistName = "fashion-mnist";
    public const string SyntheticName = "synthetic";
    public const string Cifar10Name = "cifar-10";
    public const string Cifar100Name = "cifar-100";

    // The synthetic stand-in: Fashion-MNIST's shape and classes, Gaussian clusters (as `edgemoe train` uses).
    private const int SyntheticTrainImages = 10_000;
    private const int SyntheticTestImages = 2_000;
    private const double SyntheticNoise = 0.35;

    /// <summary>
    /// Loads the data set <paramref name="choice"/> names. <c>auto</c> takes Fashion-MNIST when its files are in
    /// <paramref name="dataDir"/>, else the synthetic set with a banner on <paramref name="error"/> naming the package.
    /// </summary>
    /// <exception cref="BadInputException">Fashion-MNIST or CIFAR was required and is missing or corrupt.</exception>
    public static TokenImages Load(DatasetChoice choice, string dataDir, int seed, TextWriter error)
    {
        if (choice == DatasetChoice.Synthetic)
        {
            return Synthetic(seed);
        }

        if (choice is DatasetChoice.Cifar10 or DatasetChoice.Cifar100)
        {
            return Cifar(choice == DatasetChoice.Cifar10 ? CifarVariant.Cifar10 : CifarVariant.Cifar100, dataDir);
        }

        try
        {
            return new TokenImages(FashionMnist.Load(dataDir, train: true), FashionMnist.Load(dataDir, train: false), FashionMnistName);
        }
        catch (DataSetException e) when (choice == DatasetChoice.Auto)
        {
            error.WriteLine("==============================================================================");
            error.WriteLine($" Fashion-MNIST is not installed in {dataDir}: this run uses the SYNTHETIC image set.");
            error.WriteLine($" For the paper's experiment install it:  sudo apt-get install {FashionMnist.DebianPackage}");
            error.WriteLine($" ({e.Message})");
            error.WriteLine("==============================================================================");
            return Synthetic(seed);
        }
        catch (DataSetException e)
        {
            throw new BadInputException($"--dataset fashion-mnist: {e.Message}");
        }
    }

    private static TokenImages Cifar(CifarVariant variant, string dataDir)
    {
        var name = variant == CifarVariant.Cifar10 ? Cifar10Name : Cifar100Name;
        try
        {
            return new TokenImages(Models.Data.Cifar.Load(dataDir, variant, train: true), Models.Data.Cifar.Load(dataDir, variant, train: false), name);
        }
        catch (DataSetException e)
        {
            throw new BadInputException($"edgemoe.run.dataset = {name}, edgemoe.run.data-dir = \"{dataDir}\": {e.Message}", e);
        }
    }

    private static TokenImages Synthetic(int seed)
    {
        var all = SyntheticImages.GaussianClusters(
            SyntheticTrainImages + SyntheticTestImages, FashionMnist.ClassCount, 1, FashionMnist.Side, FashionMnist.Side, SyntheticNoise, seed);
        return new TokenImages(
            all.Subset(Enumerable.Range(0, SyntheticTrainImages).ToArray()),
            all.Subset(Enumerable.Range(SyntheticTrainImages, SyntheticTestImages).ToArray()),
            SyntheticName);
    }
}
