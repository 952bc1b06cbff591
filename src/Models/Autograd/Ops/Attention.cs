using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Autograd;

public static partial class Functional
{
    /// <summary>
    /// Multi-head scaled dot-product attention: q [B, Tq, D], k and v [B, Tk, D], D split into
    /// <paramref name="heads"/> heads of D/heads; per head softmax(q·kᵀ/√dₕ [+ causal mask])·v, heads
    /// concatenated back → [B, Tq, D]. Heads are read in place through strided GEMMs (no copies).
    /// </summary>
    public static Tensor ScaledDotProductAttention(Tensor q, Tensor k, Tensor v, int heads, bool causal = false)
    {
        if (q.Rank != 3 || k.Rank != 3 || v.Rank != 3 || !k.Shape.SequenceEqual(v.Shape)
            || q.Shape[0] != k.Shape[0] || q.Shape[2] != k.Shape[2] || heads < 1 || q.Shape[2] % heads != 0)
        {
            throw new ArgumentException($"ScaledDotProductAttention: q {TensorShape.Format(q.Shape)}, k {TensorShape.Format(k.Shape)}, v {TensorShape.Format(v.Shape)} must be [B, T, D] with D divisible by {heads} heads");
        }

        var a = new AttentionShape(q.Shape[0], q.Shape[1], k.Shape[1], q.Shape[2], heads);
        var probabilities = new float[a.Batch * heads * a.Queries * a.Keys];
        var y = Tensor.ForResult(a.Batch, a.Queries, a.Width);
        for (var b = 0; b < a.Batch; b++)
        {
            for (var h = 0; h < heads; h++)
            {
                var p = probabilities.AsSpan(a.ScoreOffset(b, h), a.Queries * a.Keys);
                Gemm.Multiply(false, true, a.Queries, a.Keys, a.HeadWidth, q.Span[a.QueryOffset(b, h)..], a.Width, k.Span[a.KeyOffset(b, h)..], a.Width, p, a.Keys, alpha: a.Scale);
                for (var i = 0; i < a.Queries; i++)
                {
                    var row = p.Slice(i * a.Keys, a.Keys);
                    if (causal)
                    {
                        row[Math.Min(i + 1, a.Keys)..].Fill(float.NegativeInfinity);
                    }

                    SoftmaxRow(row, row);
                }

                Gemm.Multiply(false, false, a.Queries, a.HeadWidth, a.Keys, p, a.Keys, v.Span[a.KeyOffset(b, h)..], a.Width, y.Span[a.QueryOffset(b, h)..], a.Width);
            }
        }

        return Gradients.ShouldRecord(q, k, v) ? Gradients.Record(y, new AttentionNode(q, k, v, a, probabilities)) : y;
    }

    private readonly record struct AttentionShape(int Batch, int Queries, int Keys, int Width, int Heads)
    {
        public int HeadWidth => Width / Heads;

        public float Scale => 1f / MathF.Sqrt(HeadWidth);

        public int QueryOffset(int b, int h) => (b * Queries * Width) + (h * HeadWidth);

        public int KeyOffset(int b, int h) => (b * Keys * Width) + (h * HeadWidth);

        public int ScoreOffset(int b, int h) => ((b * Heads) + h) * Queries * Keys;
    }

    private sealed class AttentionNode(Tensor q, Tensor k, Tensor v, AttentionShape a, float[] probabilities) : GradNode(q, k, v)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            var gq = Gradients.Zeroed(q);
            var gk = Gradients.Zeroed(k);
            var gv = Gradients.Zeroed(v);
            var dScores = ScratchBuffers.Rent(2, a.Queries * a.Keys).AsSpan(0, a.Queries * a.Keys);
            for (var b = 0; b < a.Batch; b++)
            {
                for (var h = 0; h < a.Heads; h++)
                {
                    var p = probabilities.AsSpan(a.ScoreOffset(b, h), a.Queries * a.Keys);
                    var dy = gradOutput.Span[a.QueryOffset(b, h)..];
                    if (gv is not null)
                    {
                        // dV += Pᵀ·dY
                        Gemm.Multiply(true, false, a.Keys, a.HeadWidth, a.Queries, p, a.Keys, dy, a.Width, gv.AsSpan(a.KeyOffset(b, h)), a.Width, accumulate: true);
                    }

                    if (gq is null && gk is null)
                    {
                        continue;
                    }

                    // dP = dY·Vᵀ, then through the softmax: dS = P ⊙ (dP − rowsum(dP ⊙ P)).
                    Gemm.Multiply(false, true, a.Queries, a.Keys, a.HeadWidth, dy, a.Width, v.Span[a.KeyOffset(b, h)..], a.Width, dScores, a.Keys);
                    for (var i = 0; i < a.Queries; i++)
                    {
                        var pr = p.Slice(i * a.Keys, a.Keys);
                        var dr = dScores.Slice(i * a.Keys, a.Keys);
                        var dot = System.Numerics.Tensors.TensorPrimitives.Dot(pr, dr);
                        for (var j = 0; j < a.Keys; j++)
                        {
                            dr[j] = pr[j] * (dr[j] - dot);
                        }
                    }

                    if (gq is not null)
                    {
                        // dQ += scale·dS·K
                        Gemm.Multiply(false, false, a.Queries, a.HeadWidth, a.Keys, dScores, a.Keys, k.Span[a.KeyOffset(b, h)..], a.Width, gq.AsSpan(a.QueryOffset(b, h)), a.Width, accumulate: true, alpha: a.Scale);
                    }

                    if (gk is not null)
                    {
                        // dK += scale·dSᵀ·Q
                        Gemm.Multiply(true, false, a.Keys, a.HeadWidth, a.Queries, dScores, a.Keys, q.Span[a.QueryOffset(b, h)..], a.Width, gk.AsSpan(a.KeyOffset(b, h)), a.Width, accumulate: true, alpha: a.Scale);
                    }
                }
            }
        }
    }
}
