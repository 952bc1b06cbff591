using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Settings;
using EdgeMoE.Models.Data;
using EdgeMoE.Models.Moe;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Serialization;
using EdgeMoE.Models.Vit;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgeMoE.Host.Commands;

/// <summary>
/// <c>edgemoe train</c>: trains an image classifier (SmallCnn or an MLP) with Adam (or SGD, AdamW) and cross-entropy on
/// Fashion-MNIST or synthetic Gaussian-cluster images on TorchSharp, reproducible from the seed at a given --threads;
/// reports progress on stderr and, with --json, the test accuracy and speed as the last line.
/// </summary>
internal static class TrainCommand
{
    private const int ProgressEverySteps = 100;
    private const int SyntheticTrainImages = 10_000;
    private const int SyntheticTestImages = 2_000;
    private const double SyntheticNoise = 0.35;
    private const string MoeVitModel = "moe-vit";

    public static Command Build(CliConsole console)
    {
        var config = new Option<FileInfo?>("--config") { Description = "Scenario file whose edgemoe.training section gives the defaults (default: reference.conf)." };
        var dataset = new Option<string>("--dataset") { Description = "fashion-mnist or synthetic.", DefaultValueFactory = _ => "fashion-mnist" };
        var model = new Option<string?>("--model") { Description = "small-cnn, mlp or moe-vit (default: edgemoe.training.model)." };
        var epochs = new Option<int?>("--epochs") { Description = "Passes over the training set (default: edgemoe.training.epochs)." };
        var batch = new Option<int?>("--batch") { Description = "Images per mini-batch (default: edgemoe.training.batch-size)." };
        var lr = new Option<float?>("--lr") { Description = "Learning rate per step (default: edgemoe.training.learning-rate)." };
        var optimizer = new Option<string?>("--optimizer") { Description = "sgd, adam or adamw (default: edgemoe.training.optimizer)." };
        var momentum = new Option<float?>("--momentum") { Description = "Momentum of sgd, 0 disables it (default: edgemoe.training.momentum)." };
        var weightDecay = new Option<float?>("--weight-decay") { Description = "L2 weight decay, decoupled for adamw (default: edgemoe.training.weight-decay)." };
        var smoothing = new Option<float?>("--label-smoothing") { Description = "Label smoothing of the cross-entropy, in [0, 1] (default: edgemoe.training.label-smoothing)." };
        var clip = new Option<double?>("--clip-norm") { Description = "Clip the global gradient norm; 0 disables clipping (default: edgemoe.training.gradient-clip-norm)." };
        var seed = new Option<int>("--seed") { Description = "Seed of initialisation, shuffling and synthetic data.", DefaultValueFactory = _ => 1 };
        var dataDir = new Option<string>("--data-dir") { Description = "Directory of the Fashion-MNIST IDX files.", DefaultValueFactory = _ => FashionMnist.DefaultDirectory };
        var save = new Option<string?>("--save") { Description = "Write the trained weights to this safetensors file." };
        var threads = new Option<int>("--threads") { Description = "torch intra-op threads (0 = one per core); weights are bit-identical across runs at one thread count.", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print {\"test_accuracy\",\"wall_seconds\",\"images_per_s\"} as the last line." };
        var command = new Command("train", "Train an image classifier (SmallCnn or MLP) and report its test accuracy; options override edgemoe.training.")
        {
            config, dataset, model, epochs, batch, lr, optimizer, momentum, weightDecay, smoothing, clip, seed, dataDir, save, threads, json,
        };
        command.SetAction(parse =>
        {
            var defaults = Defaults(parse.GetValue(config));
            return Execute(
                console,
                new TrainSettings(
                    parse.GetValue(dataset)!,
                    parse.GetValue(model) ?? defaults.Model,
                    parse.GetValue(epochs) ?? defaults.Epochs,
                    parse.GetValue(batch) ?? defaults.BatchSize,
                    parse.GetValue(lr) ?? (float)defaults.LearningRate,
                    parse.GetValue(seed),
                    parse.GetValue(dataDir)!,
                    parse.GetValue(save),
                    parse.GetValue(optimizer) ?? defaults.Optimizer,
                    parse.GetValue(momentum) ?? (float)defaults.Momentum,
                    parse.GetValue(weightDecay) ?? (float)defaults.WeightDecay,
                    parse.GetValue(smoothing) ?? (float)defaults.LabelSmoothing,
                    parse.GetValue(clip) ?? defaults.GradientClipNorm,
                    parse.GetValue(threads)),
                parse.GetValue(json));
        });
        return command;
    }

    /// <summary>The validated <c>edgemoe.training</c> section of <paramref name="config"/> over reference.conf, or of reference.conf alone.</summary>
    private static TrainingSettings Defaults(FileInfo? config) =>
        SettingsLoader.Load(config?.ToString() ?? ReferenceConfig.Shipped).Training;

    private static int Execute(CliConsole console, TrainSettings settings, bool json)
    {
        settings.Validate();
        TorchThreads.Set(settings.EffectiveThreads);
        var wall = Stopwatch.StartNew();
        var (train, test) = Load(settings);
        if (settings.Model == MoeVitModel)
        {
            return TrainMoeVit(console, settings, train, test, json, wall);
        }

        var network = CreateModel(settings, train);
        var trainer = new ClassifierTrainer(network, settings.CreateOptimizer(network.parameters()), settings.LabelSmoothing, settings.GradientClipNorm);
        var parameterCount = network.parameters().Sum(p => p.numel());
        console.Error.WriteLine($"training {settings.Model} ({parameterCount} parameters) on {train.Count} {settings.Dataset} images, batch {settings.Batch}, {settings.Optimizer} lr {settings.LearningRate}, seed {settings.Seed}, {settings.EffectiveThreads} torch threads");

        // Standardise with the training set's pixel mean and deviation, as torchvision's Normalize does.
        var (mean, deviation) = PixelStatistics(train.Pixels);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var shuffle = new Random(settings.Seed ^ 0x5EED);
        var pixels = new float[settings.Batch * train.ImageSize];
        var labels = new int[settings.Batch];
        var trainingSeconds = 0.0;
        long imagesSeen = 0;
        for (var epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            Shuffle(shuffle, order);
            var steps = (train.Count + settings.Batch - 1) / settings.Batch;
            var epochWatch = Stopwatch.StartNew();
            double lossSum = 0;
            var lossCount = 0;
            for (var step = 0; step < steps; step++)
            {
                var start = step * settings.Batch;
                var count = Math.Min(settings.Batch, train.Count - start);
                train.Gather(order.AsSpan(start, count), pixels, labels);
                Standardize(pixels.AsSpan(0, count * train.ImageSize), mean, deviation);
                lossSum += trainer.Step(pixels.AsSpan(0, count * train.ImageSize), labels.AsSpan(0, count), train.Channels, train.Height, train.Width);
                lossCount++;
                imagesSeen += count;
                if ((step + 1) % ProgressEverySteps == 0 || step + 1 == steps)
                {
                    var rate = (start + count) / epochWatch.Elapsed.TotalSeconds;
                    console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}/{settings.Epochs} {Bar(step + 1, steps)} {step + 1}/{steps}  loss {lossSum / lossCount:F4}  {rate:F0} images/s"));
                    lossSum = 0;
                    lossCount = 0;
                }
            }

            trainingSeconds += epochWatch.Elapsed.TotalSeconds;
        }

        var testPixels = (float[])test.Pixels.Clone();
        Standardize(testPixels, mean, deviation);
        var accuracy = trainer.Accuracy(testPixels, test.Labels, test.Channels, test.Height, test.Width);
        if (settings.SavePath is { } path)
        {
            SafeTensors.Save(path, network);
            console.Error.WriteLine($"weights written to {path}");
        }

        var imagesPerSecond = imagesSeen / Math.Max(trainingSeconds, 1e-9);
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test accuracy {accuracy:P2} on {test.Count} images; {imagesPerSecond:F0} training images/s; {wall.Elapsed.TotalSeconds:F1} s wall"));
        if (json)
        {
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"test_accuracy\":{accuracy:F4},\"wall_seconds\":{wall.Elapsed.TotalSeconds:F2},\"images_per_s\":{imagesPerSecond:F1}}}"));
        }

        return 0;
    }

    /// <summary>The MoE-ViT trains as the JESA scenario trains it (warm-up and linear decay, raw pixels), so both give the same weights.</summary>
    private static int TrainMoeVit(CliConsole console, TrainSettings settings, LabeledImages train, LabeledImages test, bool json, Stopwatch wall)
    {
        var options = new MoeVitOptions(ImageSide: train.Width, Classes: train.Classes);
        console.Error.WriteLine($"training moe-vit on {train.Count} {settings.Dataset} images, batch {settings.Batch}, adam lr {settings.LearningRate} (warm-up, linear decay), seed {settings.Seed}, {settings.EffectiveThreads} torch threads");
        using var model = MoeVitTraining.Train(train, options, settings.Epochs, settings.Batch, settings.LearningRate, settings.Seed, console.Error.WriteLine);
        var accuracy = MoeVitTraining.Accuracy(model, test);
        if (settings.SavePath is { } path)
        {
            SafeTensors.Save(path, model);
            console.Error.WriteLine($"weights written to {path}");
        }

        var imagesPerSecond = (double)train.Count * settings.Epochs / Math.Max(wall.Elapsed.TotalSeconds, 1e-9);
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test accuracy {accuracy:P2} on {test.Count} images; {wall.Elapsed.TotalSeconds:F1} s wall"));
        if (json)
        {
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"test_accuracy\":{accuracy:F4},\"wall_seconds\":{wall.Elapsed.TotalSeconds:F2},\"images_per_s\":{imagesPerSecond:F1}}}"));
        }

        return 0;
    }

    private static (LabeledImages Train, LabeledImages Test) Load(TrainSettings settings)
    {
        if (settings.Dataset == "synthetic")
        {
            var all = SyntheticImages.GaussianClusters(SyntheticTrainImages + SyntheticTestImages, 10, 1, 28, 28, SyntheticNoise, settings.Seed);
            return (all.Subset(Enumerable.Range(0, SyntheticTrainImages).ToArray()), all.Subset(Enumerable.Range(SyntheticTrainImages, SyntheticTestImages).ToArray()));
        }

        try
        {
            return (FashionMnist.Load(settings.DataDirectory, train: true), FashionMnist.Load(settings.DataDirectory, train: false));
        }
        catch (DataSetException e)
        {
            throw new BadInputException(e.Message, e);
        }
    }

    private static nn.Module<Tensor, Tensor> CreateModel(TrainSettings settings, LabeledImages train)
    {
        using var generator = NetworkSeed.Generator(settings.Seed, settings.Model);
        return settings.Model switch
        {
            "mlp" => new MlpExpert(train.ImageSize, [256, 128], train.Classes, generator),
            _ => new SmallCnn(generator, train.Channels, train.Classes),
        };
    }

    private static string Bar(int done, int total)
    {
        const int Width = 20;
        var filled = done * Width / Math.Max(total, 1);
        return "[" + new string('#', filled) + new string('.', Width - filled) + "]";
    }

    private static (float Mean, float Deviation) PixelStatistics(float[] pixels)
    {
        double sum = 0, squares = 0;
        foreach (var p in pixels)
        {
            sum += p;
            squares += (double)p * p;
        }

        var mean = sum / Math.Max(pixels.Length, 1);
        var variance = Math.Max((squares / Math.Max(pixels.Length, 1)) - (mean * mean), 0);
        return ((float)mean, (float)Math.Max(Math.Sqrt(variance), 1e-6));
    }

    private static void Standardize(Span<float> pixels, float mean, float deviation)
    {
        System.Numerics.Tensors.TensorPrimitives.Subtract(pixels, mean, pixels);
        System.Numerics.Tensors.TensorPrimitives.Divide(pixels, deviation, pixels);
    }

    // Fisher–Yates, written out so a seed keeps its permutation across runtime versions.
    private static void Shuffle(Random random, int[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
