using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Nn;

/// <summary>
/// The whole state of an Adam optimiser (<see cref="PinnedScalarAdam"/> or TorchSharp's) of one parameter group, copied
/// out as plain arrays so a checkpoint can hold it and a fresh optimiser over the same parameters can continue exactly.
/// </summary>
/// <param name="LearningRate">The group's current learning rate (parameter units per unit of normalised gradient).</param>
/// <param name="Steps">Per parameter, in the optimiser's order, the steps taken (the bias corrections depend on it).</param>
/// <param name="Averages">Per parameter, exp_avg (the running mean of the gradient), row-major.</param>
/// <param name="SquaredAverages">Per parameter, exp_avg_sq (the running mean of the squared gradient), row-major.</param>
public sealed record AdamMoments(double LearningRate, long[] Steps, IReadOnlyList<float[]> Averages, IReadOnlyList<float[]> SquaredAverages)
{
    /// <summary>A copy of <paramref name="optimizer"/>'s state (one parameter group, no AMSGrad).</summary>
    /// <exception cref="ArgumentException">Not an Adam of one group without AMSGrad.</exception>
    public static AdamMoments Of(optim.Optimizer optimizer)
    {
        var states = States(optimizer, out var group);
        return new AdamMoments(
            group.LearningRate,
            [.. states.Select(s => s.step)],
            [.. states.Select(s => TensorInput.ToArray(s.exp_avg))],
            [.. states.Select(s => TensorInput.ToArray(s.exp_avg_sq))]);
    }

    /// <summary>Overwrites <paramref name="optimizer"/>'s state, which must be over parameters of the same sizes in the same order.</summary>
    /// <exception cref="ArgumentException">Another optimiser kind, or other parameter counts or sizes.</exception>
    public void LoadInto(optim.Optimizer optimizer)
    {
        var states = States(optimizer, out var group);
        if (states.Count != Steps.Length || Averages.Count != Steps.Length || SquaredAverages.Count != Steps.Length)
        {
            throw new ArgumentException($"Adam state of {Steps.Length} parameters given for an optimiser of {states.Count}");
        }

        using var noGrad = torch.no_grad();
        group.LearningRate = LearningRate;
        for (var i = 0; i < states.Count; i++)
        {
            var state = states[i];
            if (state.exp_avg.numel() != Averages[i].Length || state.exp_avg_sq.numel() != SquaredAverages[i].Length)
            {
                throw new ArgumentException($"Adam state of parameter {i}: {Averages[i].Length} values given for {state.exp_avg.numel()}");
            }

            state.step = Steps[i];
            using var average = TensorInput.Floats(Averages[i], state.exp_avg.shape);
            using var squared = TensorInput.Floats(SquaredAverages[i], state.exp_avg_sq.shape);
            state.exp_avg.copy_(average);
            state.exp_avg_sq.copy_(squared);
        }
    }

    private static List<Adam.State> States(optim.Optimizer optimizer, out optim.ILearningRateController group)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        if (optimizer is not OptimizerHelper helper || optimizer.ParamGroups.Count() != 1)
        {
            throw new ArgumentException($"{optimizer.GetType().Name}: only an Adam of one parameter group is saved");
        }

        group = optimizer.ParamGroups.Single();
        var states = helper.state_dict().State;
        if (states.Any(s => s is not Adam.State { max_exp_avg_sq: null }))
        {
            throw new ArgumentException($"{optimizer.GetType().Name}: only Adam without AMSGrad is saved");
        }

        return [.. states.Cast<Adam.State>()];
    }
}
