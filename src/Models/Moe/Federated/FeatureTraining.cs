using EdgeMoE.Models.Nn;
using TorchSharp;
using static TorchSharp.torch;
using static EdgeMoE.Models.Nn.PinnedScalarMath;

namespace EdgeMoE.Models.Moe.Federated;

/// <summary>Training on frozen features F(x) (row-major [n, d]): personal experts (eq. 5), FedGate's and RollGate's gates.</summary>
public static class FeatureTraining
{
    /// <summary>Cross-entropy of <paramref name="model"/> on features against <paramref name="targets"/>; returns the mean batch loss of the last epoch.</summary>
    /// <param name="model">An expert (targets: class labels) or a RollGate gate (targets: pseudo client indices).</param>
    /// <param name="features">F(x), [n, d].</param>
    /// <param name="targets">The target index of each sample.</param>
    /// <param name="options">Epochs, batch size, learning rate.</param>
    /// <param name="random">The client's generator (shuffles).</param>
    /// <param name="optimizer">The optimiser of <paramref name="model"/> (a client's own, kept across turns; null: a fresh Adam for this call).</param>
    public static double CrossEntropy(nn.Module<Tensor, Tensor> model, float[] features, int[] targets, LocalTrainingOptions options, Random random, optim.Optimizer? optimizer = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(options);
        var d = features.Length / Math.Max(1, targets.Length);
        using var fresh = optimizer is null ? new PinnedScalarAdam(model.parameters(), options.LearningRate) : null;
        optimizer ??= fresh!;
        model.train();
        var last = 0.0;
        var steps = 0;
        for (var epoch = 0; epoch < options.Epochs && !Done(options, steps); epoch++)
        {
            var order = EpochOrder.Shuffled(targets.Length, random);
            var (sum, batches) = (0.0, 0);
            foreach (var (start, length) in EpochOrder.Batches(targets.Length, options.BatchSize))
            {
                if (Done(options, steps++))
                {
                    break;
                }

                var rows = order.AsSpan(start, length);
                var batchTargets = new int[length];
                for (var i = 0; i < length; i++)
                {
                    batchTargets[i] = targets[rows[i]];
                }

                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var input = TensorInput.Floats(EpochOrder.Rows(features, d, rows), length, d);
                var loss = nn.functional.cross_entropy(model.forward(input), TensorInput.Labels(batchTargets));
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                batches++;
            }

            last = batches == 0 ? 0 : sum / batches;
        }

        return last;
    }

    /// <summary>
    /// FedGate's local objective: the mixture negative log-likelihood −log Σ_i G(h)_i p_i(y|h) of the frozen experts
    /// plus <paramref name="balanceWeight"/> times the Switch load-balancing loss M Σ_i f_i P_i; with
    /// <paramref name="normaliseGradients"/> the gate's gradient is scaled to unit L2 norm before each step.
    /// Returns the mean batch loss of the last epoch.
    /// </summary>
    /// <param name="gate">G, starting from the global gate.</param>
    /// <param name="features">F(x), [n, d].</param>
    /// <param name="labelProbabilities">p_i(y|h) of every expert i for each sample's true label, [n, M].</param>
    /// <param name="options">Epochs, batch size, learning rate.</param>
    /// <param name="balanceWeight">Weight of the load-balancing loss (≥ 0).</param>
    /// <param name="normaliseGradients">Whether to normalise the gradient (the paper's gradient normalisation).</param>
    /// <param name="random">The client's generator (shuffles).</param>
    /// <param name="optimizer">The client's optimiser of <paramref name="gate"/> (null: a fresh Adam for this call).</param>
    public static double MixtureGate(
        GatingNetwork gate, float[] features, float[] labelProbabilities, LocalTrainingOptions options, double balanceWeight, bool normaliseGradients, Random random,
        optim.Optimizer? optimizer = null)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labelProbabilities);
        ArgumentNullException.ThrowIfNull(options);
        var m = gate.Experts;
        var n = labelProbabilities.Length / m;
        var d = features.Length / Math.Max(1, n);
        var parameters = gate.parameters().ToList();
        using var fresh = optimizer is null ? new PinnedScalarAdam(parameters, options.LearningRate) : null;
        optimizer ??= fresh!;
        gate.train();
        var last = 0.0;
        var steps = 0;
        for (var epoch = 0; epoch < options.Epochs && !Done(options, steps); epoch++)
        {
            var order = EpochOrder.Shuffled(n, random);
            var (sum, batches) = (0.0, 0);
            foreach (var (start, length) in EpochOrder.Batches(n, options.BatchSize))
            {
                if (Done(options, steps++))
                {
                    break;
                }

                var rows = order.AsSpan(start, length);
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var logits = gate.forward(TensorInput.Floats(EpochOrder.Rows(features, d, rows), length, d));
                var logProbabilities = ClampMin(TensorInput.Floats(EpochOrder.Rows(labelProbabilities, m, rows), length, m), 1e-8).log();
                var loss = -Add(logits.log_softmax(1), logProbabilities).logsumexp(1).mean();
                if (balanceWeight > 0)
                {
                    var probabilities = logits.softmax(1);
                    var routed = nn.functional.one_hot(probabilities.argmax(1), m).to(ScalarType.Float32).mean([0]);
                    loss = Add(loss, Mul((routed * probabilities.mean([0])).sum(), balanceWeight * m));
                }

                loss.backward();
                if (normaliseGradients)
                {
                    NormaliseGradients(parameters);
                }

                optimizer.step();
                sum += loss.item<float>();
                batches++;
            }

            last = batches == 0 ? 0 : sum / batches;
        }

        return last;
    }

    /// <summary>Softmax outputs of <paramref name="model"/> on features [n, d] → [n, outputs], without a graph.</summary>
    public static float[] Probabilities(nn.Module<Tensor, Tensor> model, float[] features, int count)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(features);
        if (count == 0)
        {
            return [];
        }

        var d = features.Length / count;
        model.eval();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var result = TensorInput.ToArray(model.forward(TensorInput.Floats(features, count, d)).softmax(1));
        model.train();
        return result;
    }

    private static bool Done(LocalTrainingOptions options, int steps) => options.MaxSteps > 0 && steps >= options.MaxSteps;

    private static void NormaliseGradients(IReadOnlyList<TorchSharp.Modules.Parameter> parameters)
    {
        using var noGrad = torch.no_grad();
        var squares = 0.0;
        foreach (var p in parameters)
        {
            if (p.grad is { } g)
            {
                squares += Pow(g, 2).sum().item<float>();
            }
        }

        var norm = Math.Sqrt(squares);
        if (norm > 1e-12)
        {
            foreach (var p in parameters)
            {
                if (p.grad is { } g)
                {
                    DivInPlace(g, norm);
                }
            }
        }
    }
}
