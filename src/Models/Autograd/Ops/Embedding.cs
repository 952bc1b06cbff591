using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Autograd;

public static partial class Functional
{
    /// <summary>Rows of weight [V, D] picked by <paramref name="indices"/> (each in [0, V)) → [indices.Length, D].</summary>
    public static Tensor Embedding(ReadOnlySpan<int> indices, Tensor weight)
    {
        if (weight.Rank != 2)
        {
            throw new ArgumentException($"Embedding: weight must be [V, D], got {TensorShape.Format(weight.Shape)}");
        }

        int vocabulary = weight.Shape[0], width = weight.Shape[1];
        var y = Tensor.ForResult(indices.Length, width);
        for (var i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] >= (uint)vocabulary)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), $"Embedding: index {indices[i]} at position {i} outside [0, {vocabulary})");
            }

            weight.Span.Slice(indices[i] * width, width).CopyTo(y.Span.Slice(i * width, width));
        }

        return Gradients.ShouldRecord(weight) ? Gradients.Record(y, new EmbeddingNode(weight, indices.ToArray())) : y;
    }

    /// <summary>
    /// Cuts [N, C, H, W] images into non-overlapping p×p patches → [N, (H/p)·(W/p), C·p·p], patches in
    /// row-major order, each flattened as (c, i, j) (the input of a ViT patch embedding).
    /// </summary>
    public static Tensor Patchify(Tensor x, int patch)
    {
        if (x.Rank != 4 || patch < 1 || x.Shape[2] % patch != 0 || x.Shape[3] % patch != 0)
        {
            throw new ArgumentException($"Patchify: input {TensorShape.Format(x.Shape)} must be [N, C, H, W] with H and W multiples of patch {patch}");
        }

        var y = Tensor.ForResult(x.Shape[0], x.Shape[2] / patch * (x.Shape[3] / patch), x.Shape[1] * patch * patch);
        PatchCopy(x.Shape, patch, x.Span, y.Span, toPatches: true);
        return Gradients.ShouldRecord(x) ? Gradients.Record(y, new PatchifyNode(x, patch)) : y;
    }

    private static void PatchCopy(ReadOnlySpan<int> shape, int patch, Span<float> images, Span<float> patches, bool toPatches)
    {
        int n = shape[0], c = shape[1], h = shape[2], w = shape[3];
        int across = w / patch, count = h / patch * across, size = c * patch * patch;
        for (var b = 0; b < n; b++)
        {
            for (var q = 0; q < count; q++)
            {
                int top = q / across * patch, left = q % across * patch;
                var k = ((b * count) + q) * size;
                for (var ch = 0; ch < c; ch++)
                {
                    for (var i = 0; i < patch; i++)
                    {
                        var start = (((b * c) + ch) * h * w) + ((top + i) * w) + left;
                        if (toPatches)
                        {
                            images.Slice(start, patch).CopyTo(patches.Slice(k, patch));
                        }
                        else
                        {
                            var dst = images.Slice(start, patch);
                            System.Numerics.Tensors.TensorPrimitives.Add(dst, patches.Slice(k, patch), dst);
                        }

                        k += patch;
                    }
                }
            }
        }
    }

    private sealed class EmbeddingNode(Tensor weight, int[] indices) : GradNode(weight)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            var gw = Gradients.Zeroed(weight)!;
            var width = weight.Shape[1];
            for (var i = 0; i < indices.Length; i++)
            {
                var dst = gw.AsSpan(indices[i] * width, width);
                System.Numerics.Tensors.TensorPrimitives.Add(dst, gradOutput.Span.Slice(i * width, width), dst);
            }
        }
    }

    private sealed class PatchifyNode(Tensor x, int patch) : GradNode(x)
    {
        internal override void Backward(Tensor output, Tensor gradOutput) =>
            PatchCopy(x.Shape, patch, Gradients.Zeroed(x)!.AsSpan(0, x.Length), gradOutput.Span, toPatches: false);
    }
}
