using EdgeMoE.Models.Data;
using EdgeMoE.Models.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Moe.Continual;

/// <summary>
/// A small MLP expert that learns image tasks one after another (a few full-batch steps of plain gradient descent or
/// Adam per task) and reports its classification error on each class subset's held-out images. Under gradient descent
/// the change a task makes, ‖Δθ‖, is the learning rate times the task's gradient, which grows with how badly the expert
/// fits it, as a linear expert's minimum-norm fit grows with its residual; Adam rescales every coordinate of its steps.
/// </summary>
public sealed class MlpContinualExpert : IContinualExpert<LabeledImages>
{
    private readonly MlpExpert _network;
    private readonly PinnedScalarAdam? _adam;
    private readonly optim.Optimizer _optimizer;
    private readonly ClassifierTrainer _trainer;
    private readonly IReadOnlyList<LabeledImages> _evaluation;
    private readonly int _epochs;

    /// <summary>An MLP inputSize → hidden → classes initialised from <paramref name="generator"/>.</summary>
    /// <param name="inputSize">Pixels per image.</param>
    /// <param name="hidden">Hidden width.</param>
    /// <param name="classes">Output classes.</param>
    /// <param name="epochs">Full-batch steps per task.</param>
    /// <param name="learningRate">Learning rate of the optimiser.</param>
    /// <param name="evaluation">Held-out images of each class subset, in cluster order.</param>
    /// <param name="generator">Seeded generator of the initial weights.</param>
    /// <param name="sgd">Plain gradient descent (the change of a step is the learning rate times the task's gradient)
    /// instead of Adam.</param>
    public MlpContinualExpert(int inputSize, int hidden, int classes, int epochs, double learningRate, IReadOnlyList<LabeledImages> evaluation, Generator generator, bool sgd = false)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochs);
        _network = new MlpExpert(inputSize, [hidden], classes, generator);
        _adam = sgd ? null : new PinnedScalarAdam(_network.parameters(), learningRate);
        _optimizer = _adam ?? (optim.Optimizer)new PinnedScalarSgd(_network.parameters(), learningRate);
        _trainer = new ClassifierTrainer(_network, _optimizer);
        _evaluation = evaluation;
        _epochs = epochs;
    }

    /// <inheritdoc />
    public double Fit(LabeledImages data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var before = Parameters();
        for (var e = 0; e < _epochs; e++)
        {
            _trainer.Step(data.Pixels, data.Labels, data.Channels, data.Height, data.Width);
        }

        var after = Parameters();
        var squared = 0.0;
        for (var i = 0; i < after.Length; i++)
        {
            var diff = (double)after[i] - before[i];
            squared += diff * diff;
        }

        return Math.Sqrt(squared);
    }

    /// <inheritdoc />
    public double[] ErrorByCluster() =>
        [.. _evaluation.Select(set => 1.0 - _trainer.Accuracy(set.Pixels, set.Labels, set.Channels, set.Height, set.Width))];

    /// <inheritdoc />
    public ContinualExpertState Save()
    {
        using var noGrad = torch.no_grad();
        var tensors = _network.named_parameters().Select(p => KeyValuePair.Create("net." + p.name, p.parameter.detach().clone())).ToList();
        var moments = _adam?.ExportMoments() ?? [];
        for (var i = 0; i < moments.Count; i++)
        {
            tensors.Add(KeyValuePair.Create($"adam.{i}.exp_avg", torch.tensor(moments[i].ExpAvg)));
            tensors.Add(KeyValuePair.Create($"adam.{i}.exp_avg_sq", torch.tensor(moments[i].ExpAvgSq)));
        }

        return new ContinualExpertState([], [.. moments.Select(m => m.Step)], tensors);
    }

    /// <inheritdoc />
    public void Restore(ContinualExpertState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var saved = state.Tensors.ToDictionary(t => t.Key, t => t.Value);
        var parameters = _network.named_parameters().ToList();
        var adamStates = _adam is null ? 0 : parameters.Count;
        if (state.Counters.Length != adamStates || saved.Count != parameters.Count + (2 * adamStates))
        {
            throw new ArgumentException($"the saved MLP expert has {state.Counters.Length} Adam states and {saved.Count} tensors, this one {adamStates} Adam states and {parameters.Count} parameters", nameof(state));
        }

        using (torch.no_grad())
        {
            foreach (var (name, parameter) in parameters)
            {
                parameter.copy_(Saved(saved, "net." + name));
            }
        }

        _adam?.ImportMoments([.. state.Counters.Select((step, i) => new AdamMoments(
            step, TensorInput.ToArray(Saved(saved, $"adam.{i}.exp_avg")), TensorInput.ToArray(Saved(saved, $"adam.{i}.exp_avg_sq"))))]);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _optimizer.Dispose();
        _network.Dispose();
    }

    private static Tensor Saved(Dictionary<string, Tensor> saved, string name) =>
        saved.TryGetValue(name, out var tensor) ? tensor : throw new ArgumentException($"the saved MLP expert has no tensor {name}", nameof(saved));

    private float[] Parameters()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        return TensorInput.ToArray(torch.cat([.. _network.parameters().Select(p => p.flatten())]));
    }
}
