using BenchmarkDotNet.Attributes;
using EdgeMoE.Models.Nn;
using TorchSharp;

namespace EdgeMoE.Benchmarks;

/// <summary>One SmallCnn training step on TorchSharp (forward, cross-entropy, backward, Adam) on a batch of 128 images, one intra-op thread.</summary>
// In process: a generated benchmark project would not carry libtorch nor the GLIBCXX fix-up of this project's build.
[InProcess]
[MemoryDiagnoser]
public class SmallCnnTrainingBenchmark
{
    private const int Batch = 128;
    private ClassifierTrainer? _trainer;
    private float[] _pixels = [];
    private int[] _labels = [];

    [GlobalSetup]
    public void Setup()
    {
        TorchThreads.Set(1);
        var random = new Random(1);
        using var generator = NetworkSeed.Generator(1, "benchmark-small-cnn");
        var model = new SmallCnn(generator);
        _trainer = new ClassifierTrainer(model, new PinnedScalarAdam(model.parameters()));
        _pixels = Enumerable.Range(0, Batch * 784).Select(_ => (float)random.NextDouble()).ToArray();
        _labels = Enumerable.Range(0, Batch).Select(i => i % 10).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public float TrainStep() => _trainer!.Step(_pixels, _labels, 1, 28, 28);
}
