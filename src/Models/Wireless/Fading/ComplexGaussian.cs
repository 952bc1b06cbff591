using System.Numerics;
using MathNet.Numerics.Distributions;

namespace EdgeMoE.Models.Wireless.Fading;

/// <summary>Draws of circularly-symmetric complex Gaussians CN(0, σ²): each quadrature N(0, σ²/2).</summary>
public static class ComplexGaussian
{
    /// <summary>One draw of CN(0, <paramref name="variance"/>) from <paramref name="random"/>.</summary>
    public static Complex Sample(Random random, double variance)
    {
        var deviation = Math.Sqrt(variance / 2);
        return new Complex(Normal.Sample(random, 0, deviation), Normal.Sample(random, 0, deviation));
    }
}
