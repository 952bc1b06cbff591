using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EdgeMoE.Models.Tensors;

/// <summary>
/// The MR×NR = 8×32 register tile of the GEMM: C[8×32] (+)= Apanel[8×kc]·Bpanel[kc×32] from packed
/// panels. The AVX-512 kernel keeps the tile in 16 zmm accumulators, so each k costs 2 vector loads,
/// 8 broadcasts and 16 FMAs; the other kernels compute the same sums in the same k order.
/// </summary>
internal static unsafe class GemmMicroKernels
{
    public static void Run(GemmKernel kernel, int kc, float* a, float* b, float* c, int ldc, bool load)
    {
        switch (kernel)
        {
            case GemmKernel.Vector512:
                Avx512(kc, a, b, c, ldc, load);
                break;
            case GemmKernel.Vector256:
                Simd256(kc, a, b, c, ldc, load);
                break;
            default:
                Scalar(kc, a, b, c, ldc, load);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Avx512(int kc, float* a, float* b, float* c, int ldc, bool load)
    {
        Vector512<float> c00, c01;
        Vector512<float> c10, c11;
        Vector512<float> c20, c21;
        Vector512<float> c30, c31;
        Vector512<float> c40, c41;
        Vector512<float> c50, c51;
        Vector512<float> c60, c61;
        Vector512<float> c70, c71;
        if (load)
        {
            c00 = Vector512.Load(c + 0L * ldc);
            c01 = Vector512.Load(c + (0L * ldc) + 16);
            c10 = Vector512.Load(c + 1L * ldc);
            c11 = Vector512.Load(c + (1L * ldc) + 16);
            c20 = Vector512.Load(c + 2L * ldc);
            c21 = Vector512.Load(c + (2L * ldc) + 16);
            c30 = Vector512.Load(c + 3L * ldc);
            c31 = Vector512.Load(c + (3L * ldc) + 16);
            c40 = Vector512.Load(c + 4L * ldc);
            c41 = Vector512.Load(c + (4L * ldc) + 16);
            c50 = Vector512.Load(c + 5L * ldc);
            c51 = Vector512.Load(c + (5L * ldc) + 16);
            c60 = Vector512.Load(c + 6L * ldc);
            c61 = Vector512.Load(c + (6L * ldc) + 16);
            c70 = Vector512.Load(c + 7L * ldc);
            c71 = Vector512.Load(c + (7L * ldc) + 16);
        }
        else
        {
            c00 = Vector512<float>.Zero;
            c01 = Vector512<float>.Zero;
            c10 = Vector512<float>.Zero;
            c11 = Vector512<float>.Zero;
            c20 = Vector512<float>.Zero;
            c21 = Vector512<float>.Zero;
            c30 = Vector512<float>.Zero;
            c31 = Vector512<float>.Zero;
            c40 = Vector512<float>.Zero;
            c41 = Vector512<float>.Zero;
            c50 = Vector512<float>.Zero;
            c51 = Vector512<float>.Zero;
            c60 = Vector512<float>.Zero;
            c61 = Vector512<float>.Zero;
            c70 = Vector512<float>.Zero;
            c71 = Vector512<float>.Zero;
        }

        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var a0 = Vector512.Create(a[0]);
            c00 = Avx512F.FusedMultiplyAdd(a0, b0, c00);
            c01 = Avx512F.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector512.Create(a[1]);
            c10 = Avx512F.FusedMultiplyAdd(a1, b0, c10);
            c11 = Avx512F.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector512.Create(a[2]);
            c20 = Avx512F.FusedMultiplyAdd(a2, b0, c20);
            c21 = Avx512F.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector512.Create(a[3]);
            c30 = Avx512F.FusedMultiplyAdd(a3, b0, c30);
            c31 = Avx512F.FusedMultiplyAdd(a3, b1, c31);
            var a4 = Vector512.Create(a[4]);
            c40 = Avx512F.FusedMultiplyAdd(a4, b0, c40);
            c41 = Avx512F.FusedMultiplyAdd(a4, b1, c41);
            var a5 = Vector512.Create(a[5]);
            c50 = Avx512F.FusedMultiplyAdd(a5, b0, c50);
            c51 = Avx512F.FusedMultiplyAdd(a5, b1, c51);
            var a6 = Vector512.Create(a[6]);
            c60 = Avx512F.FusedMultiplyAdd(a6, b0, c60);
            c61 = Avx512F.FusedMultiplyAdd(a6, b1, c61);
            var a7 = Vector512.Create(a[7]);
            c70 = Avx512F.FusedMultiplyAdd(a7, b0, c70);
            c71 = Avx512F.FusedMultiplyAdd(a7, b1, c71);
            a += 8;
            b += 32;
        }

        c00.Store(c + (0L * ldc));
        c01.Store(c + (0L * ldc) + 16);
        c10.Store(c + (1L * ldc));
        c11.Store(c + (1L * ldc) + 16);
        c20.Store(c + (2L * ldc));
        c21.Store(c + (2L * ldc) + 16);
        c30.Store(c + (3L * ldc));
        c31.Store(c + (3L * ldc) + 16);
        c40.Store(c + (4L * ldc));
        c41.Store(c + (4L * ldc) + 16);
        c50.Store(c + (5L * ldc));
        c51.Store(c + (5L * ldc) + 16);
        c60.Store(c + (6L * ldc));
        c61.Store(c + (6L * ldc) + 16);
        c70.Store(c + (7L * ldc));
        c71.Store(c + (7L * ldc) + 16);
    }

    // Four passes over 4-row × 16-column quarters of the tile: 8 ymm accumulators, 2 B vectors and a
    // broadcast stay within AVX2's 16 registers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Simd256(int kc, float* a, float* b, float* c, int ldc, bool load)
    {
        for (var quarter = 0; quarter < 4; quarter++)
        {
            var rowOffset = (quarter >> 1) * 4;
            var columnOffset = (quarter & 1) * 16;
            var t = c + ((long)rowOffset * ldc) + columnOffset;
            Vector256<float> c00, c01;
            Vector256<float> c10, c11;
            Vector256<float> c20, c21;
            Vector256<float> c30, c31;
            if (load)
            {
                c00 = Vector256.Load(t + (0L * ldc));
                c01 = Vector256.Load(t + (0L * ldc) + 8);
                c10 = Vector256.Load(t + (1L * ldc));
                c11 = Vector256.Load(t + (1L * ldc) + 8);
                c20 = Vector256.Load(t + (2L * ldc));
                c21 = Vector256.Load(t + (2L * ldc) + 8);
                c30 = Vector256.Load(t + (3L * ldc));
                c31 = Vector256.Load(t + (3L * ldc) + 8);
            }
            else
            {
                c00 = Vector256<float>.Zero;
                c01 = Vector256<float>.Zero;
                c10 = Vector256<float>.Zero;
                c11 = Vector256<float>.Zero;
                c20 = Vector256<float>.Zero;
                c21 = Vector256<float>.Zero;
                c30 = Vector256<float>.Zero;
                c31 = Vector256<float>.Zero;
            }

            var pa = a + rowOffset;
            var pb = b + columnOffset;
            for (var p = 0; p < kc; p++)
            {
                var b0 = Vector256.Load(pb);
                var b1 = Vector256.Load(pb + 8);
                var a0 = Vector256.Create(pa[0]);
                c00 = Vector256.FusedMultiplyAdd(a0, b0, c00);
                c01 = Vector256.FusedMultiplyAdd(a0, b1, c01);
                var a1 = Vector256.Create(pa[1]);
                c10 = Vector256.FusedMultiplyAdd(a1, b0, c10);
                c11 = Vector256.FusedMultiplyAdd(a1, b1, c11);
                var a2 = Vector256.Create(pa[2]);
                c20 = Vector256.FusedMultiplyAdd(a2, b0, c20);
                c21 = Vector256.FusedMultiplyAdd(a2, b1, c21);
                var a3 = Vector256.Create(pa[3]);
                c30 = Vector256.FusedMultiplyAdd(a3, b0, c30);
                c31 = Vector256.FusedMultiplyAdd(a3, b1, c31);
                pa += 8;
                pb += 32;
            }

            c00.Store(t + (0L * ldc));
            c01.Store(t + (0L * ldc) + 8);
            c10.Store(t + (1L * ldc));
            c11.Store(t + (1L * ldc) + 8);
            c20.Store(t + (2L * ldc));
            c21.Store(t + (2L * ldc) + 8);
            c30.Store(t + (3L * ldc));
            c31.Store(t + (3L * ldc) + 8);
        }
    }

    private static void Scalar(int kc, float* a, float* b, float* c, int ldc, bool load)
    {
        for (var r = 0; r < 8; r++)
        {
            for (var j = 0; j < 32; j++)
            {
                var sum = load ? c[((long)r * ldc) + j] : 0f;
                for (var p = 0; p < kc; p++)
                {
                    sum = MathF.FusedMultiplyAdd(a[(p * 8) + r], b[(p * 32) + j], sum);
                }

                c[((long)r * ldc) + j] = sum;
            }
        }
    }
}
