using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Autograd;

public static partial class Functional
{
    /// <summary>
    /// Matrix product. [M×K]·[K×N] → [M×N]; with rank-3 operands [B×M×K]·[B×K×N] → [B×M×N] (batched).
    /// </summary>
    public static Tensor MatMul(Tensor a, Tensor b)
    {
        if (!((a.Rank == 2 && b.Rank == 2) || (a.Rank == 3 && b.Rank == 3 && a.Shape[0] == b.Shape[0])) || a.Size(-1) != b.Size(-2))
        {
            throw new ArgumentException($"MatMul: cannot multiply {TensorShape.Format(a.Shape)} by {TensorShape.Format(b.Shape)}");
        }

        var batch = a.Rank == 3 ? a.Shape[0] : 1;
        int m = a.Size(-2), k = a.Size(-1), n = b.Size(-1);
        var y = a.Rank == 3 ? Tensor.ForResult(batch, m, n) : Tensor.ForResult(m, n);
        for (var i = 0; i < batch; i++)
        {
            Gemm.Multiply(false, false, m, n, k, a.Span.Slice(i * m * k, m * k), k, b.Span.Slice(i * k * n, k * n), n, y.Span.Slice(i * m * n, m * n), n);
        }

        return Gradients.ShouldRecord(a, b) ? Gradients.Record(y, new MatMulNode(a, b, batch, m, n, k)) : y;
    }

    private sealed class MatMulNode(Tensor a, Tensor b, int batch, int m, int n, int k) : GradNode(a, b)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            var ga = Gradients.Target(a, out var freshA);
            var gb = Gradients.Target(b, out var freshB);
            for (var i = 0; i < batch; i++)
            {
                var dy = gradOutput.Span.Slice(i * m * n, m * n);
                if (ga is not null)
                {
                    // dA = dY·Bᵀ
                    Gemm.Multiply(false, true, m, k, n, dy, n, b.Span.Slice(i * k * n, k * n), n, ga.AsSpan(i * m * k, m * k), k, accumulate: !freshA);
                }

                if (gb is not null)
                {
                    // dB = Aᵀ·dY
                    Gemm.Multiply(true, false, k, n, m, a.Span.Slice(i * m * k, m * k), k, dy, n, gb.AsSpan(i * k * n, k * n), n, accumulate: !freshB);
                }
            }
        }
    }
}
