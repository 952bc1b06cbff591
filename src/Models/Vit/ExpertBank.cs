using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Vit;

/// <summary>
/// The K FFN experts of one layer, d → hidden → d with ReLU, their weights stacked as [K, ...] so training runs them as
/// one batched product; <see cref="Single"/> runs one expert alone, as its edge node does.
/// </summary>
public sealed class ExpertBank : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Parameter w1;
    private readonly Parameter b1;
    private readonly Parameter w2;
    private readonly Parameter b2;

    /// <summary>K experts of width <paramref name="dim"/> and hidden width <paramref name="hidden"/>, PyTorch's Linear init from <paramref name="generator"/>.</summary>
    public ExpertBank(int experts, int dim, int hidden, Generator generator)
        : base(nameof(ExpertBank))
    {
        var inBound = 1 / Math.Sqrt(dim);
        var hiddenBound = 1 / Math.Sqrt(hidden);
        w1 = new Parameter(torch.empty(experts, dim, hidden).uniform_(-inBound, inBound, generator));
        b1 = new Parameter(torch.empty(experts, hidden).uniform_(-inBound, inBound, generator));
        w2 = new Parameter(torch.empty(experts, hidden, dim).uniform_(-hiddenBound, hiddenBound, generator));
        b2 = new Parameter(torch.empty(experts, dim).uniform_(-hiddenBound, hiddenBound, generator));
        RegisterComponents();
    }

    /// <summary>
    /// Σ_j weights[n, j]·FFN_j(u[n]) for hidden states u [N, d] and mixing weights [N, K]; each expert runs only on the
    /// rows that give it a positive weight (sparse dispatch: 4x less work than every expert on every row at Top-2 of 8).
    /// </summary>
    public override Tensor forward(Tensor hidden, Tensor weights)
    {
        // Scalars made explicitly and kept alive across the native calls: TorchSharp's implicit temporaries can be
        // finalized mid-call ("Expected false to be true" from Scalar.toFloat seen in a run here).
        using var one = 1.0f.ToScalar();
        using var zero = 0.0f.ToScalar();
        using var scope = torch.NewDisposeScope();
        var result = torch.zeros_like(hidden);
        var experts = weights.shape[1];
        var used = weights.gt(zero);
        for (var j = 0; j < experts; j++)
        {
            var rows = used[.., j].nonzero().squeeze(1);
            if (rows.shape[0] == 0)
            {
                continue;
            }

            var outputs = Single(j, hidden.index_select(0, rows)).mul(weights.index_select(0, rows)[.., j..(j + 1)]);
            result = result.index_add(0, rows, outputs, one);
        }

        return result.MoveToOuterDisposeScope();
    }

    /// <summary>FFN_j(u) for the rows of <paramref name="hidden"/> [N, d] → [N, d].</summary>
    public Tensor Single(int expert, Tensor hidden)
    {
        using var one = 1.0f.ToScalar();
        using var scope = torch.NewDisposeScope();
        var inner = hidden.matmul(w1[expert]).add(b1[expert], one).relu();
        return inner.matmul(w2[expert]).add(b2[expert], one).MoveToOuterDisposeScope();
    }
}
