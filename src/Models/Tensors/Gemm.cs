using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EdgeMoE.Models.Tensors;

/// <summary>
/// Single-precision general matrix multiply C = α·op(A)·op(B) (+ C), row-major, with op(X) = X or Xᵀ.
/// Goto/BLIS structure: B is packed into KC×NC blocks of NR-wide panels, A into MC×KC blocks of
/// MR-tall panels (α folded in), and a register-blocked MR×NR micro-kernel runs over the panels.
/// Transposes are absorbed by the packing, so backward passes never materialise a transposed matrix.
/// Single-threaded and deterministic: each C element sums its K products in the same order every call.
/// </summary>
public static class Gemm
{
    /// <summary>Rows of the register tile.</summary>
    internal const int MR = 8;

    /// <summary>Columns of the register tile (two 16-float zmm vectors).</summary>
    internal const int NR = 32;

    // KC×NR of B (≤ 48 KB) stays in L1 across a column of micro-tiles; MC×KC of A (≤ 192 KB) in L2.
    // K is cut into equal blocks of at most KC so that no thin remainder block reloads C for little work.
    internal const int KC = 384;
    internal const int MC = 128;
    internal const int NC = 1024;

    /// <summary>
    /// C[m×n] = α·op(A)·op(B) + (accumulate ? C : 0). op(A) is m×k: A is stored m×k (lda ≥ k) or,
    /// when <paramref name="transA"/>, k×m (lda ≥ m). op(B) is k×n: B is stored k×n (ldb ≥ n) or,
    /// when <paramref name="transB"/>, n×k (ldb ≥ k). C is m×n with ldc ≥ n.
    /// </summary>
    public static void Multiply(
        bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc, bool accumulate = false, float alpha = 1f) =>
        Multiply(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, accumulate, alpha, GemmKernel.Best);

    /// <summary>As <see cref="Multiply(bool, bool, int, int, int, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, Span{float}, int, bool, float)"/> on a chosen kernel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Multiply(
        bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc, bool accumulate, float alpha, GemmKernel kernel)
    {
        Validate(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        if (m == 0 || n == 0)
        {
            return;
        }

        if (k == 0)
        {
            if (!accumulate)
            {
                for (var i = 0; i < m; i++)
                {
                    c.Slice(i * ldc, n).Clear();
                }
            }

            return;
        }

        var chosen = Resolve(kernel);
        var workspace = GemmWorkspace.ForCurrentThread();
        fixed (float* pa = a, pb = b, pc = c)
        {
            var packedA = workspace.PackedA;
            var packedB = workspace.PackedB;
            var tile = workspace.Tile;
            for (var jc = 0; jc < n; jc += NC)
            {
                var nc = Math.Min(NC, n - jc);
                var kBlock = BalancedBlock(k);
                for (var pcIndex = 0; pcIndex < k; pcIndex += kBlock)
                {
                    var kc = Math.Min(kBlock, k - pcIndex);
                    var load = accumulate || pcIndex > 0;
                    GemmPacking.PackB(transB, pb, ldb, pcIndex, kc, jc, nc, packedB);
                    for (var ic = 0; ic < m; ic += MC)
                    {
                        var mc = Math.Min(MC, m - ic);
                        GemmPacking.PackA(transA, pa, lda, ic, mc, pcIndex, kc, alpha, packedA);
                        MacroKernel(chosen, kc, mc, nc, packedA, packedB, pc + ((long)ic * ldc) + jc, ldc, load, tile);
                    }
                }
            }
        }
    }

    /// <summary>The kernel <see cref="GemmKernel.Best"/> resolves to on this CPU.</summary>
    public static GemmKernel BestAvailable =>
        Vector512.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? GemmKernel.Vector512
        : Vector256.IsHardwareAccelerated ? GemmKernel.Vector256
        : GemmKernel.Scalar;

    private static int BalancedBlock(int k)
    {
        var blocks = (k + KC - 1) / KC;
        var size = (k + blocks - 1) / blocks;
        return Math.Min(KC, (size + 7) & ~7);
    }

    private static GemmKernel Resolve(GemmKernel kernel)
    {
        if (kernel == GemmKernel.Best)
        {
            return BestAvailable;
        }

        if (kernel == GemmKernel.Vector512 && BestAvailable != GemmKernel.Vector512)
        {
            throw new PlatformNotSupportedException("the Vector512 GEMM kernel needs AVX-512F");
        }

        if (kernel == GemmKernel.Vector256 && !Vector256.IsHardwareAccelerated)
        {
            throw new PlatformNotSupportedException("the Vector256 GEMM kernel needs 256-bit SIMD");
        }

        return kernel;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void MacroKernel(
        GemmKernel kernel, int kc, int mc, int nc, float* packedA, float* packedB, float* c, int ldc, bool load, float* tile)
    {
        for (var jr = 0; jr < nc; jr += NR)
        {
            var nr = Math.Min(NR, nc - jr);
            var panelB = packedB + ((long)jr * kc);
            for (var ir = 0; ir < mc; ir += MR)
            {
                var mr = Math.Min(MR, mc - ir);
                var panelA = packedA + ((long)ir * kc);
                var target = c + ((long)ir * ldc) + jr;
                if (mr == MR && nr == NR)
                {
                    GemmMicroKernels.Run(kernel, kc, panelA, panelB, target, ldc, load);
                    continue;
                }

                // Edge tile: run the full kernel on a scratch tile, then copy the valid part back.
                for (var i = 0; i < mr; i++)
                {
                    for (var j = 0; j < nr; j++)
                    {
                        tile[(i * NR) + j] = load ? target[((long)i * ldc) + j] : 0f;
                    }
                }

                GemmMicroKernels.Run(kernel, kc, panelA, panelB, tile, NR, load: true);
                for (var i = 0; i < mr; i++)
                {
                    for (var j = 0; j < nr; j++)
                    {
                        target[((long)i * ldc) + j] = tile[(i * NR) + j];
                    }
                }
            }
        }
    }

    private static void Validate(bool transA, bool transB, int m, int n, int k, int aLength, int lda, int bLength, int ldb, int cLength, int ldc)
    {
        if (m < 0 || n < 0 || k < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(m), $"GEMM extents must be non-negative, got m={m} n={n} k={k}");
        }

        Check("A", transA ? k : m, transA ? m : k, aLength, lda);
        Check("B", transB ? n : k, transB ? k : n, bLength, ldb);
        Check("C", m, n, cLength, ldc);

        static void Check(string name, int rows, int cols, int length, int ld)
        {
            if (rows == 0 || cols == 0)
            {
                return;
            }

            if (ld < cols)
            {
                throw new ArgumentException($"GEMM: leading dimension of {name} is {ld}, smaller than its {cols} columns");
            }

            var needed = ((long)(rows - 1) * ld) + cols;
            if (length < needed)
            {
                throw new ArgumentException($"GEMM: {name} is {rows}×{cols} with leading dimension {ld} and needs {needed} elements, span has {length}");
            }
        }
    }
}
