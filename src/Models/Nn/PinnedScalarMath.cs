using TorchSharp;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Nn;

/// <summary>
/// Tensor arithmetic with numbers whose <see cref="Scalar"/> stays alive until libtorch has returned. TorchSharp 0.107's
/// operators (<c>a + b</c> passes a temporary alpha of 1, <c>0.5 * t</c>, <c>t / n</c>) and its implicit conversions
/// (<c>t.pow(2)</c>, <c>t.div_(x)</c>, <c>t.clamp_min(1e-8)</c>) hand libtorch Scalars that nothing references, which a
/// collection on another thread can finalize mid-call: the default nmoe run stopped so once here ("false INTERNAL ASSERT
/// FAILED at c10/core/Scalar.h:279" in FedSC's loss). The same libtorch calls with the same values, so the same bits.
/// </summary>
public static class PinnedScalarMath
{
    // Never finalized: a static field keeps it reachable; libtorch only reads it.
    private static readonly Scalar One = 1.ToScalar();

    /// <summary>a + b (libtorch's add with alpha 1, as TorchSharp's operator).</summary>
    public static Tensor Add(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.add(b, One);
    }

    /// <summary>t · factor.</summary>
    public static Tensor Mul(Tensor t, double factor) => With(t, factor.ToScalar(), static (x, s) => x.mul(s));

    /// <summary>t / divisor.</summary>
    public static Tensor Div(Tensor t, double divisor) => With(t, divisor.ToScalar(), static (x, s) => x.div(s));

    /// <summary>t /= divisor, in place.</summary>
    public static Tensor DivInPlace(Tensor t, double divisor) => With(t, divisor.ToScalar(), static (x, s) => x.div_(s));

    /// <summary>t ^ exponent, element-wise.</summary>
    public static Tensor Pow(Tensor t, int exponent) => With(t, exponent.ToScalar(), static (x, s) => x.pow(s));

    /// <summary>max(t, min), element-wise.</summary>
    public static Tensor ClampMin(Tensor t, double min) => With(t, min.ToScalar(), static (x, s) => x.clamp_min(s));

    // Runs op on t and scalar, then disposes the scalar: it lives until libtorch has returned.
    private static Tensor With(Tensor t, Scalar scalar, Func<Tensor, Scalar, Tensor> op)
    {
        using (scalar)
        {
            ArgumentNullException.ThrowIfNull(t);
            return op(t, scalar);
        }
    }
}
