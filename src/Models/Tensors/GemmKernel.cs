namespace EdgeMoE.Models.Tensors;

/// <summary>The instruction set the GEMM micro-kernel runs on.</summary>
public enum GemmKernel
{
    /// <summary>The widest one this CPU supports.</summary>
    Best,

    /// <summary>AVX-512: 8×32 register tile in 16 zmm accumulators.</summary>
    Vector512,

    /// <summary>AVX2/FMA (or any 256-bit SIMD): the same tile in four 8-wide column groups.</summary>
    Vector256,

    /// <summary>Plain scalar loops; the reference path.</summary>
    Scalar,
}
