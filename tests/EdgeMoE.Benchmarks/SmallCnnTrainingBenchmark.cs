using BenchmarkDotNet.Attributes;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Optim;

namespace EdgeMoE.Benchmarks;

/// <summary>One SmallCnn training step (forward, cross-entropy, backward, Adam) on a batch of 128 images.</summary>
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
        var random = new Random(1);
        var model = new SmallCnn(random);
        _trainer = new ClassifierTrainer(model, new Adam(model.Parameters(), new Adam.Options()));
        _pixels = Enumerable.Range(0, Batch * 784).Select(_ => (float)random.NextDouble()).ToArray();
        _labels = Enumerable.Range(0, Batch).Select(i => i % 10).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public float TrainStep() => _trainer!.Step(_pixels, _labels, 1, 28, 28);
}
