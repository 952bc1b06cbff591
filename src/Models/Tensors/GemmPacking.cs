using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EdgeMoE.Models.Tensors;

/// <summary>
/// Copies blocks of A and B into the panel layouts the micro-kernel streams: A as MR-tall panels
/// (for each k, MR consecutive rows), B as NR-wide panels (for each k, NR consecutive columns),
/// zero-padded at the edges. Transposed operands are read in their stored order here.
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>Packs rows [i0, i0+mc) × columns [p0, p0+kc) of op(A), scaled by α.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA(bool transA, float* a, int lda, int i0, int mc, int p0, int kc, float alpha, float* dst)
    {
        const int mr = Gemm.MR;
        for (var ir = 0; ir < mc; ir += mr)
        {
            var rows = Math.Min(mr, mc - ir);
            var panel = dst + ((long)ir * kc);
            if (transA)
            {
                // op(A)(i, p) = A[p, i]: the MR rows of one k are contiguous in storage.
                for (var p = 0; p < kc; p++)
                {
                    var src = a + ((long)(p0 + p) * lda) + i0 + ir;
                    var d = panel + (p * mr);
                    if (rows == mr)
                    {
                        (Vector256.Load(src) * alpha).Store(d);
                    }
                    else
                    {
                        for (var r = 0; r < mr; r++)
                        {
                            d[r] = r < rows ? src[r] * alpha : 0f;
                        }
                    }
                }
            }
            else
            {
                for (var r = 0; r < mr; r++)
                {
                    if (r >= rows)
                    {
                        for (var p = 0; p < kc; p++)
                        {
                            panel[(p * mr) + r] = 0f;
                        }

                        continue;
                    }

                    var src = a + ((long)(i0 + ir + r) * lda) + p0;
                    for (var p = 0; p < kc; p++)
                    {
                        panel[(p * mr) + r] = src[p] * alpha;
                    }
                }
            }
        }
    }

    /// <summary>Packs rows [p0, p0+kc) × columns [j0, j0+nc) of op(B).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB(bool transB, float* b, int ldb, int p0, int kc, int j0, int nc, float* dst)
    {
        const int nr = Gemm.NR;
        for (var jr = 0; jr < nc; jr += nr)
        {
            var cols = Math.Min(nr, nc - jr);
            var panel = dst + ((long)jr * kc);
            if (!transB)
            {
                for (var p = 0; p < kc; p++)
                {
                    var src = b + ((long)(p0 + p) * ldb) + j0 + jr;
                    var d = panel + (p * nr);
                    if (cols == nr)
                    {
                        Vector256.Load(src).Store(d);
                        Vector256.Load(src + 8).Store(d + 8);
                        Vector256.Load(src + 16).Store(d + 16);
                        Vector256.Load(src + 24).Store(d + 24);
                    }
                    else
                    {
                        for (var j = 0; j < nr; j++)
                        {
                            d[j] = j < cols ? src[j] : 0f;
                        }
                    }
                }
            }
            else
            {
                // op(B)(p, j) = B[j, p]: walk each stored row (one output column) contiguously.
                for (var j = 0; j < nr; j++)
                {
                    if (j >= cols)
                    {
                        for (var p = 0; p < kc; p++)
                        {
                            panel[(p * nr) + j] = 0f;
                        }

                        continue;
                    }

                    var src = b + ((long)(j0 + jr + j) * ldb) + p0;
                    for (var p = 0; p < kc; p++)
                    {
                        panel[(p * nr) + j] = src[p];
                    }
                }
            }
        }
    }
}
