using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Autograd;

public static partial class Functional
{
    /// <summary>
    /// Mean cross-entropy of logits [N, C] against class labels (each in [0, C)), with optional label
    /// smoothing ε: target (1 − ε)·onehot + ε/C (PyTorch's F.cross_entropy).
    /// </summary>
    public static Tensor CrossEntropy(Tensor logits, ReadOnlySpan<int> labels, float labelSmoothing = 0f)
    {
        if (logits.Rank != 2 || logits.Shape[0] != labels.Length)
        {
            throw new ArgumentException($"CrossEntropy: logits {TensorShape.Format(logits.Shape)} must be [N, C] with N = {labels.Length} labels");
        }

        if (labelSmoothing is < 0f or > 1f)
        {
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), $"label smoothing {labelSmoothing} must be in [0, 1]");
        }

        int rows = logits.Shape[0], classes = logits.Shape[1];
        var logProbabilities = new float[logits.Length];
        double total = 0;
        for (var r = 0; r < rows; r++)
        {
            if ((uint)labels[r] >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), $"CrossEntropy: label {labels[r]} of row {r} outside [0, {classes})");
            }

            var lp = logProbabilities.AsSpan(r * classes, classes);
            LogSoftmaxRow(logits.Span.Slice(r * classes, classes), lp);
            double smooth = 0;
            foreach (var v in lp)
            {
                smooth += v;
            }

            total -= ((1 - labelSmoothing) * lp[labels[r]]) + (labelSmoothing / classes * smooth);
        }

        var loss = Tensor.Scalar((float)(total / Math.Max(rows, 1)));
        return Gradients.ShouldRecord(logits)
            ? Gradients.Record(loss, new CrossEntropyNode(logits, labels.ToArray(), logProbabilities, labelSmoothing))
            : loss;
    }

    /// <summary>Mean squared error mean((prediction − target)²) over all elements.</summary>
    public static Tensor MseLoss(Tensor prediction, Tensor target)
    {
        RequireSameShape(prediction, target, nameof(MseLoss));
        double total = 0;
        for (var i = 0; i < prediction.Length; i++)
        {
            double d = prediction.Span[i] - target.Span[i];
            total += d * d;
        }

        var loss = Tensor.Scalar((float)(total / Math.Max(prediction.Length, 1)));
        return Gradients.ShouldRecord(prediction, target) ? Gradients.Record(loss, new MseNode(prediction, target)) : loss;
    }

    private sealed class CrossEntropyNode(Tensor logits, int[] labels, float[] logProbabilities, float smoothing) : GradNode(logits)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            var gx = Gradients.Zeroed(logits)!;
            int rows = labels.Length, classes = logits.Shape[1];
            var scale = gradOutput.Span[0] / rows;
            var uniform = smoothing / classes;
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < classes; c++)
                {
                    var target = uniform + (c == labels[r] ? 1 - smoothing : 0f);
                    gx[(r * classes) + c] += scale * (MathF.Exp(logProbabilities[(r * classes) + c]) - target);
                }
            }
        }
    }

    private sealed class MseNode(Tensor prediction, Tensor target) : GradNode(prediction, target)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            var scale = 2f * gradOutput.Span[0] / Math.Max(prediction.Length, 1);
            var gp = Gradients.Zeroed(prediction);
            var gt = Gradients.Zeroed(target);
            for (var i = 0; i < prediction.Length; i++)
            {
                var d = scale * (prediction.Span[i] - target.Span[i]);
                if (gp is not null)
                {
                    gp[i] += d;
                }

                if (gt is not null)
                {
                    gt[i] -= d;
                }
            }
        }
    }
}
