namespace EdgeMoE.Actors.Edge.Routing;

/// <summary>
/// The MoE output and its cross-entropy for tokens routed to a subset S_i of the experts: the gate values of S_i are
/// renormalised, w_ij = g_ij / Σ_{k∈S_i} g_ik, the output is y_i = Σ_{j∈S_i} w_ij·y_ij, and L = mean_i CE(y_i, label_i).
/// Returns the exact gradients the router sends back: dL/dy_ij = w_ij·dL/dy_i to the experts, and
/// dL/dg_ij = (a_ij − Σ_k w_ik·a_ik) / Σ_{k∈S_i} g_ik with a_ij = ⟨dL/dy_i, y_ij⟩ to the gate (0 outside S_i).
/// </summary>
public static class MixtureLoss
{
    /// <summary>One token of the batch.</summary>
    /// <param name="Label">Its class.</param>
    /// <param name="Experts">S_i, the experts it was routed to.</param>
    /// <param name="Outputs">y_ij per expert of <paramref name="Experts"/>, each of C logits.</param>
    public sealed record Token(int Label, int[] Experts, float[][] Outputs);

    /// <summary>Loss and gradients of a batch.</summary>
    /// <param name="Loss">Mean cross-entropy.</param>
    /// <param name="OutputGradients">Per token, dL/dy_ij per expert of S_i (C values each).</param>
    /// <param name="ScoreGradients">dL/dg, tokens × J, row-major.</param>
    public sealed record Result(double Loss, float[][][] OutputGradients, float[] ScoreGradients);

    /// <summary>Evaluates the batch.</summary>
    /// <param name="tokens">The processed tokens.</param>
    /// <param name="scores">Their gate values g, tokens × J, row-major.</param>
    /// <param name="experts">J.</param>
    public static Result Evaluate(IReadOnlyList<Token> tokens, ReadOnlySpan<float> scores, int experts)
    {
        var n = tokens.Count;
        var outputGradients = new float[n][][];
        var scoreGradients = new float[n * experts];
        var loss = 0.0;
        for (var i = 0; i < n; i++)
        {
            var token = tokens[i];
            var row = scores.Slice(i * experts, experts);
            var weights = Weights(token.Experts, row, out var mass);
            var logits = Combine(token.Outputs, weights);
            var probabilities = Softmax(logits);
            loss -= Math.Log(Math.Max(probabilities[token.Label], double.Epsilon));

            // dL/dy_i of the mean cross-entropy.
            var dy = probabilities;
            dy[token.Label] -= 1;
            for (var c = 0; c < dy.Length; c++)
            {
                dy[c] /= n;
            }

            var perExpert = new float[token.Experts.Length][];
            var a = new double[token.Experts.Length];
            var mean = 0.0;
            for (var k = 0; k < token.Experts.Length; k++)
            {
                perExpert[k] = new float[dy.Length];
                for (var c = 0; c < dy.Length; c++)
                {
                    perExpert[k][c] = (float)(weights[k] * dy[c]);
                    a[k] += dy[c] * token.Outputs[k][c];
                }

                mean += weights[k] * a[k];
            }

            for (var k = 0; k < token.Experts.Length; k++)
            {
                scoreGradients[(i * experts) + token.Experts[k]] = (float)((a[k] - mean) / mass);
            }

            outputGradients[i] = perExpert;
        }

        return new Result(n == 0 ? double.NaN : loss / n, outputGradients, scoreGradients);
    }

    /// <summary>The class the mixture predicts: argmax of Σ_j w_ij·y_ij (ties to the lower class).</summary>
    public static int Predict(int[] experts, float[][] outputs, ReadOnlySpan<float> scoreRow)
    {
        var logits = Combine(outputs, Weights(experts, scoreRow, out _));
        var best = 0;
        for (var c = 1; c < logits.Length; c++)
        {
            if (logits[c] > logits[best])
            {
                best = c;
            }
        }

        return best;
    }

    private static double[] Weights(int[] experts, ReadOnlySpan<float> row, out double mass)
    {
        mass = 0;
        foreach (var j in experts)
        {
            mass += row[j];
        }

        var weights = new double[experts.Length];
        for (var k = 0; k < experts.Length; k++)
        {
            weights[k] = row[experts[k]] / mass;
        }

        return weights;
    }

    private static double[] Combine(float[][] outputs, double[] weights)
    {
        var logits = new double[outputs[0].Length];
        for (var k = 0; k < outputs.Length; k++)
        {
            for (var c = 0; c < logits.Length; c++)
            {
                logits[c] += weights[k] * outputs[k][c];
            }
        }

        return logits;
    }

    private static double[] Softmax(double[] logits)
    {
        var max = logits.Max();
        var result = new double[logits.Length];
        var sum = 0.0;
        for (var c = 0; c < logits.Length; c++)
        {
            result[c] = Math.Exp(logits[c] - max);
            sum += result[c];
        }

        for (var c = 0; c < result.Length; c++)
        {
            result[c] /= sum;
        }

        return result;
    }
}
