using EdgeMoE.Models.Autograd;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Tests.Autograd;

/// <summary>
/// Finite-difference oracle for reverse-mode gradients. The scalar probe is L = Σ w ⊙ f(inputs) with a
/// fixed random w (so every output element matters), evaluated in float64 from the float32 outputs;
/// its central differences are compared with the gradients that <c>f(inputs).Backward(w)</c> produced.
/// </summary>
internal static class GradientCheck
{
    /// <summary>Checks every coordinate of every input that requires grad.</summary>
    public static void Coordinates(Func<Tensor> forward, IReadOnlyList<Tensor> inputs, double epsilon = 3e-3, double absolute = 3e-3, double relative = 3e-2, int seed = 11)
    {
        var (weights, analytic) = Analytic(forward, inputs, seed);
        for (var t = 0; t < inputs.Count; t++)
        {
            var input = inputs[t];
            if (!input.RequiresGrad)
            {
                continue;
            }

            for (var j = 0; j < input.Length; j++)
            {
                var original = input.Span[j];
                input.Span[j] = original + (float)epsilon;
                var plus = Probe(forward, weights);
                input.Span[j] = original - (float)epsilon;
                var minus = Probe(forward, weights);
                input.Span[j] = original;
                var numeric = (plus - minus) / (2 * epsilon);
                var got = analytic[t][j];
                Assert.True(
                    Math.Abs(got - numeric) <= absolute + (relative * Math.Abs(numeric)),
                    $"input {t} {TensorShape.Format(input.Shape)} element {j}: backward gave {got}, finite difference {numeric}");
            }
        }
    }

    /// <summary>
    /// Checks directional derivatives along random directions of all inputs together; for large modules
    /// (many parameters) where a coordinate-wise check would be slow.
    /// </summary>
    public static void Directions(Func<Tensor> forward, IReadOnlyList<Tensor> inputs, int directions = 3, double epsilon = 1e-3, double relative = 2e-2, int seed = 13)
    {
        var (weights, analytic) = Analytic(forward, inputs, seed);
        var random = new Random(seed + 1);
        for (var d = 0; d < directions; d++)
        {
            var direction = inputs.Select(i => i.RequiresGrad ? Enumerable.Range(0, i.Length).Select(_ => (random.NextDouble() * 2) - 1).ToArray() : new double[i.Length]).ToArray();
            double expected = 0, scale = 0;
            for (var t = 0; t < inputs.Count; t++)
            {
                for (var j = 0; j < inputs[t].Length; j++)
                {
                    expected += analytic[t][j] * direction[t][j];
                    scale += Math.Abs(analytic[t][j] * direction[t][j]);
                }
            }

            var originals = inputs.Select(i => i.ToArray()).ToArray();
            Shift(inputs, originals, direction, epsilon);
            var plus = Probe(forward, weights);
            Shift(inputs, originals, direction, -epsilon);
            var minus = Probe(forward, weights);
            for (var t = 0; t < inputs.Count; t++)
            {
                originals[t].CopyTo(inputs[t].Span);
            }

            var numeric = (plus - minus) / (2 * epsilon);
            Assert.True(
                Math.Abs(expected - numeric) <= relative * Math.Max(scale, 1e-3),
                $"direction {d}: backward gave {expected}, finite difference {numeric} (scale {scale})");
        }
    }

    /// <summary>Values spaced ≥ 0.04 apart, none within 0.01 of zero, in random order: no ReLU kink or max-pool tie within ε.</summary>
    public static Tensor Lattice(int seed, params int[] shape)
    {
        var count = TensorShape.ElementCount(shape);
        var random = new Random(seed);
        var spacing = Math.Max(0.04, 2.0 / count);
        var values = Enumerable.Range(0, count).Select(i => (float)((i - (count / 2.0) + 0.25) * spacing)).OrderBy(_ => random.Next()).ToArray();
        return Tensor.FromValues(values, shape).RequireGrad();
    }

    /// <summary>Uniform values in [−1, 1).</summary>
    public static Tensor Random(int seed, params int[] shape)
    {
        var random = new Random(seed);
        var t = Tensor.Zeros(shape);
        for (var i = 0; i < t.Length; i++)
        {
            t.Span[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return t.RequireGrad();
    }

    private static (float[] Weights, double[][] Analytic) Analytic(Func<Tensor> forward, IReadOnlyList<Tensor> inputs, int seed)
    {
        foreach (var input in inputs)
        {
            input.ZeroGrad();
        }

        var output = forward();
        var weights = Random(seed, output.Shape.ToArray()).ToArray();
        output.Backward(weights);
        var analytic = inputs.Select(i => i.Grad is { } g ? g.ToArray().Select(v => (double)v).ToArray() : new double[i.Length]).ToArray();
        return (weights, analytic);
    }

    private static double Probe(Func<Tensor> forward, float[] weights)
    {
        using var _ = NoGrad.Enter();
        var output = forward();
        double sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (double)weights[i] * output.Span[i];
        }

        return sum;
    }

    private static void Shift(IReadOnlyList<Tensor> inputs, float[][] originals, double[][] direction, double epsilon)
    {
        for (var t = 0; t < inputs.Count; t++)
        {
            for (var j = 0; j < inputs[t].Length; j++)
            {
                inputs[t].Span[j] = (float)(originals[t][j] + (epsilon * direction[t][j]));
            }
        }
    }
}
