using TorchSharp;
using static TorchSharp.torch;
using static EdgeMoE.Models.Nn.PinnedScalarMath;

namespace EdgeMoE.Models.Moe.Federated;

/// <summary>
/// FedSC's local objective (eq. 4 of the networked-MoE paper, after Jing et al., ICML 2024) on a batch of two augmented
/// views: −Tr R⁺_i + ½ q_i ‖R_i‖²_F + (1 − q_i) Tr(R_i R̄_{−i}), with R⁺_i = E[F(x)F(x⁺)ᵀ] and R_i = E[F(x)F(x)ᵀ]
/// estimated on the batch and R̄_{−i} the other clients' shared correlation matrix (a constant here).
/// </summary>
public static class SpectralContrastiveLoss
{
    /// <summary>The loss (a scalar tensor with a graph back to both views).</summary>
    /// <param name="view1">F of the first views [B, d].</param>
    /// <param name="view2">F of the second views of the same images [B, d].</param>
    /// <param name="share">q_i, the client's share of all training samples, in (0, 1].</param>
    /// <param name="others">R̄_{−i} [d, d], or null when no other client has shared yet (the term is then dropped and q_i taken as 1).</param>
    public static Tensor Loss(Tensor view1, Tensor view2, double share, Tensor? others)
    {
        ArgumentNullException.ThrowIfNull(view1);
        ArgumentNullException.ThrowIfNull(view2);
        using var scope = torch.NewDisposeScope();
        var batch = view1.shape[0];
        var positive = Div((view1 * view2).sum(), batch);
        var correlation = Correlation(view1, view2);
        var q = others is null ? 1.0 : share;
        var loss = Add(-positive, Mul(Pow(correlation, 2).sum(), 0.5 * q));
        if (others is not null)
        {
            loss = Add(loss, Mul((correlation * others).sum(), 1 - q));
        }

        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>R = (Z₁ᵀZ₁ + Z₂ᵀZ₂) / 2B, the batch estimate of E[F(x)F(x)ᵀ] over both views [d, d].</summary>
    public static Tensor Correlation(Tensor view1, Tensor view2)
    {
        ArgumentNullException.ThrowIfNull(view1);
        ArgumentNullException.ThrowIfNull(view2);
        using var scope = torch.NewDisposeScope();
        var batch = view1.shape[0];
        return Div(Add(view1.t().matmul(view1), view2.t().matmul(view2)), 2.0 * batch).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// R̄_{−i} = Σ_{i'≠i} q_i' R_i' / Σ_{i'≠i} q_i' over the clients that have shared (row-major d×d), or null when none
    /// but client <paramref name="client"/> has.
    /// </summary>
    /// <param name="shared">Each client's last shared R_i' (null: never shared), in client order.</param>
    /// <param name="shares">q_i' of each client.</param>
    /// <param name="client">i.</param>
    public static float[]? Others(IReadOnlyList<float[]?> shared, IReadOnlyList<double> shares, int client)
    {
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(shares);
        double[]? sum = null;
        var weight = 0.0;
        for (var j = 0; j < shared.Count; j++)
        {
            if (j == client || shared[j] is not { } r)
            {
                continue;
            }

            sum ??= new double[r.Length];
            for (var k = 0; k < r.Length; k++)
            {
                sum[k] += shares[j] * r[k];
            }

            weight += shares[j];
        }

        return sum is null ? null : Array.ConvertAll(sum, v => (float)(v / weight));
    }
}
