using BenchmarkDotNet.Attributes;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Benchmarks;

/// <summary>Single-thread SGEMM C = A·B at n³ on each micro-kernel (2n³ flops per operation).</summary>
[MemoryDiagnoser]
public class GemmBenchmark
{
    private float[] _a = [];
    private float[] _b = [];
    private float[] _c = [];

    [Params(256, 512, 1024)]
    public int N { get; set; }

    [Params(GemmKernel.Vector512, GemmKernel.Vector256)]
    public GemmKernel Kernel { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(N);
        _a = Enumerable.Range(0, N * N).Select(_ => (float)random.NextDouble()).ToArray();
        _b = Enumerable.Range(0, N * N).Select(_ => (float)random.NextDouble()).ToArray();
        _c = new float[N * N];
    }

    [Benchmark]
    public void Multiply() => Gemm.Multiply(false, false, N, N, N, _a, N, _b, N, _c, N, false, 1f, Kernel);

    [Benchmark]
    public void MultiplyTransposedOperands() => Gemm.Multiply(true, true, N, N, N, _a, N, _b, N, _c, N, false, 1f, Kernel);
}
