namespace EdgeMoE.Policies.Routing;

/// <summary>The gating scores g_ij of one slot: a row-major tokens × experts matrix (scores in [0, 1] in the paper).</summary>
public sealed class GatingScores
{
    private readonly double[] _values;

    /// <param name="tokens">Number of tokens of the slot (rows, ≥ 0).</param>
    /// <param name="experts">Number of experts J (columns, ≥ 0).</param>
    /// <param name="values">Row-major scores, length tokens × experts; kept, not copied.</param>
    public GatingScores(int tokens, int experts, double[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        ArgumentOutOfRangeException.ThrowIfNegative(experts);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != (long)tokens * experts)
        {
            throw new ArgumentException($"expected {tokens} × {experts} = {(long)tokens * experts} scores, got {values.Length}", nameof(values));
        }

        Tokens = tokens;
        Experts = experts;
        _values = values;
    }

    /// <summary>Number of tokens (rows).</summary>
    public int Tokens { get; }

    /// <summary>Number of experts (columns).</summary>
    public int Experts { get; }

    /// <summary>g_ij, the score of token <paramref name="token"/> for expert <paramref name="expert"/>.</summary>
    public double this[int token, int expert] => _values[(token * Experts) + expert];

    /// <summary>The scores of one token, one per expert.</summary>
    public ReadOnlySpan<double> Row(int token) => _values.AsSpan(token * Experts, Experts);

    /// <summary>Builds the matrix from jagged rows, each of <paramref name="experts"/> entries.</summary>
    public static GatingScores FromRows(IReadOnlyList<double[]> rows, int experts)
    {
        var values = new double[rows.Count * experts];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != experts)
            {
                throw new ArgumentException($"row {i} has {rows[i].Length} scores, expected {experts}", nameof(rows));
            }

            rows[i].CopyTo(values, i * experts);
        }

        return new GatingScores(rows.Count, experts, values);
    }
}
