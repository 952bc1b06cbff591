using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Autograd;

public static partial class Functional
{
    /// <summary>
    /// Layer normalisation over the last dimension D: (x − mean)/√(var + ε)·γ + β with the biased
    /// variance, γ and β of length D (either may be null). Statistics are accumulated in float64.
    /// </summary>
    public static Tensor LayerNorm(Tensor x, Tensor? gamma, Tensor? beta, float epsilon = 1e-5f)
    {
        var width = x.Size(-1);
        if ((gamma is not null && gamma.Length != width) || (beta is not null && beta.Length != width))
        {
            throw new ArgumentException($"LayerNorm: γ and β must have {width} elements (last extent of {TensorShape.Format(x.Shape)})");
        }

        var rows = x.Length / Math.Max(width, 1);
        var y = Tensor.ForResult(x.Shape.ToArray());
        var normalized = new float[x.Length];
        var inverseStd = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var row = x.Span.Slice(r * width, width);
            double mean = 0, squares = 0;
            foreach (var v in row)
            {
                mean += v;
            }

            mean /= width;
            foreach (var v in row)
            {
                squares += (v - mean) * (v - mean);
            }

            var inv = 1.0 / Math.Sqrt((squares / width) + epsilon);
            inverseStd[r] = (float)inv;
            for (var i = 0; i < width; i++)
            {
                var n = (float)((row[i] - mean) * inv);
                normalized[(r * width) + i] = n;
                y.Span[(r * width) + i] = (n * (gamma?.Span[i] ?? 1f)) + (beta?.Span[i] ?? 0f);
            }
        }

        return Gradients.ShouldRecord(x, gamma, beta)
            ? Gradients.Record(y, new LayerNormNode(x, gamma, beta, normalized, inverseStd, width))
            : y;
    }

    private sealed class LayerNormNode(Tensor x, Tensor? gamma, Tensor? beta, float[] normalized, float[] inverseStd, int width)
        : GradNode(new[] { x, gamma, beta }.OfType<Tensor>().ToArray())
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            var gx = Gradients.Zeroed(x);
            var gg = gamma is null ? null : Gradients.Zeroed(gamma);
            var gb = beta is null ? null : Gradients.Zeroed(beta);
            var rows = inverseStd.Length;
            for (var r = 0; r < rows; r++)
            {
                var dy = gradOutput.Span.Slice(r * width, width);
                var n = normalized.AsSpan(r * width, width);
                double meanDn = 0, meanDnN = 0;
                for (var i = 0; i < width; i++)
                {
                    var dn = dy[i] * (gamma?.Span[i] ?? 1f);
                    meanDn += dn;
                    meanDnN += dn * n[i];
                    if (gg is not null)
                    {
                        gg[i] += dy[i] * n[i];
                    }

                    if (gb is not null)
                    {
                        gb[i] += dy[i];
                    }
                }

                if (gx is null)
                {
                    continue;
                }

                meanDn /= width;
                meanDnN /= width;
                for (var i = 0; i < width; i++)
                {
                    var dn = dy[i] * (gamma?.Span[i] ?? 1f);
                    gx[(r * width) + i] += (float)(inverseStd[r] * (dn - meanDn - (n[i] * meanDnN)));
                }
            }
        }
    }
}
