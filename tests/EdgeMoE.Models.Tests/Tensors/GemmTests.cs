using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Tests.Tensors;

public sealed class GemmTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 },
        { 7, 13, 5 },
        { 33, 65, 17 },
        { 8, 32, 1 },
        { 9, 31, 400 },
        { 130, 40, 390 },
        { 3, 1100, 7 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_transpose_combination_matches_a_float64_reference(int m, int n, int k)
    {
        foreach (var kernel in Kernels())
        {
            foreach (var transA in new[] { false, true })
            {
                foreach (var transB in new[] { false, true })
                {
                    AssertMatchesReference(m, n, k, transA, transB, accumulate: false, alpha: 1f, kernel);
                }
            }
        }
    }

    [Fact]
    public void Accumulation_alpha_and_padded_leading_dimensions_are_honoured()
    {
        foreach (var kernel in Kernels())
        {
            AssertMatchesReference(19, 37, 23, transA: true, transB: false, accumulate: true, alpha: 0.5f, kernel, padding: 3);
            AssertMatchesReference(41, 9, 300, transA: false, transB: true, accumulate: true, alpha: -2f, kernel, padding: 5);
        }
    }

    [Fact]
    public void All_kernels_give_bit_identical_results()
    {
        var (a, b) = (Values(1, 45 * 70), Values(2, 70 * 50));
        var results = Kernels().Select(kernel =>
        {
            var c = new float[45 * 50];
            Gemm.Multiply(false, false, 45, 50, 70, a, 70, b, 50, c, 50, false, 1f, kernel);
            return c;
        }).ToArray();
        foreach (var other in results.Skip(1))
        {
            Assert.Equal(results[0], other);
        }
    }

    [Fact]
    public void Zero_inner_dimension_clears_or_keeps_the_output()
    {
        var c = new float[] { 1, 2, 3, 4 };
        Gemm.Multiply(false, false, 2, 2, 0, [], 1, [], 2, c, 2, accumulate: true);
        Assert.Equal([1, 2, 3, 4], c);
        Gemm.Multiply(false, false, 2, 2, 0, [], 1, [], 2, c, 2);
        Assert.Equal([0, 0, 0, 0], c);
    }

    [Fact]
    public void Too_short_operands_are_rejected_with_the_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => Gemm.Multiply(false, false, 3, 3, 3, new float[8], 3, new float[9], 3, new float[9], 3));
        Assert.Contains("A is 3×3", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<GemmKernel> Kernels()
    {
        yield return GemmKernel.Scalar;
        if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
        {
            yield return GemmKernel.Vector256;
        }

        if (Gemm.BestAvailable == GemmKernel.Vector512)
        {
            yield return GemmKernel.Vector512;
        }
    }

    private static void AssertMatchesReference(int m, int n, int k, bool transA, bool transB, bool accumulate, float alpha, GemmKernel kernel, int padding = 0)
    {
        var lda = (transA ? m : k) + padding;
        var ldb = (transB ? k : n) + padding;
        var ldc = n + padding;
        var a = Values(m + (7 * n) + k, ((transA ? k : m) * lda) + 1);
        var b = Values(n + (3 * k), ((transB ? n : k) * ldb) + 1);
        var c = Values(99, (m * ldc) + 1);
        var expected = (float[])c.Clone();
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = 0;
                for (var p = 0; p < k; p++)
                {
                    sum += (double)(transA ? a[(p * lda) + i] : a[(i * lda) + p]) * (transB ? b[(j * ldb) + p] : b[(p * ldb) + j]);
                }

                expected[(i * ldc) + j] = (float)((alpha * sum) + (accumulate ? c[(i * ldc) + j] : 0));
            }
        }

        Gemm.Multiply(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, accumulate, alpha, kernel);
        for (var i = 0; i < c.Length; i++)
        {
            Assert.True(Math.Abs(c[i] - expected[i]) <= 1e-5 * (k + 1) * (1 + Math.Abs(expected[i])), $"{kernel} {m}×{n}×{k} transA={transA} transB={transB}: element {i} is {c[i]}, expected {expected[i]}");
        }
    }

    private static float[] Values(int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
    }
}
