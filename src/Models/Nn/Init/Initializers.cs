using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Nn;

/// <summary>Parameter initialisation as PyTorch's nn.init, drawing from an explicit seeded generator.</summary>
public static class Initializers
{
    /// <summary>
    /// Kaiming (He) uniform: U(−b, b) with b = gain·√(3/fan_in), gain = √(2/(1 + a²)). With a = √5
    /// (PyTorch's default for Linear and Conv2d weights) b = 1/√fan_in.
    /// </summary>
    public static void KaimingUniform(Tensor tensor, int fanIn, double a, Random random)
    {
        var gain = Math.Sqrt(2.0 / (1 + (a * a)));
        Uniform(tensor, gain * Math.Sqrt(3.0 / Math.Max(fanIn, 1)), random);
    }

    /// <summary>U(−bound, bound) element by element in row-major order.</summary>
    public static void Uniform(Tensor tensor, double bound, Random random)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(random);
        var span = tensor.Span;
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = (float)(bound * ((2 * random.NextDouble()) - 1));
        }
    }

    /// <summary>PyTorch's default for Linear/Conv2d: weight Kaiming-uniform(a=√5), bias U(±1/√fan_in).</summary>
    public static void DefaultLayer(Tensor weight, Tensor? bias, int fanIn, Random random)
    {
        KaimingUniform(weight, fanIn, Math.Sqrt(5), random);
        if (bias is not null)
        {
            Uniform(bias, fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0, random);
        }
    }
}
