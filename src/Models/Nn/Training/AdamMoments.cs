using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Nn;

/// <summary>Adam's per-parameter state: the step count and the two running moments (copies the caller disposes).</summary>
/// <param name="Step">Updates applied so far.</param>
/// <param name="ExpAvg">Running mean of the gradient, shaped like the parameter.</param>
/// <param name="ExpAvgSq">Running mean of the squared gradient, shaped like the parameter.</param>
public sealed record AdamMoment(long Step, Tensor ExpAvg, Tensor ExpAvgSq);

/// <summary>Reads and restores an <see cref="Adam"/> optimiser's state, parameter by parameter, so training continues bit-identically.</summary>
public static class AdamMoments
{
    /// <summary>Copies of every parameter's state, in the optimiser's parameter order.</summary>
    /// <exception cref="NotSupportedException">The optimiser uses AMSGrad (its running maximum is not exported).</exception>
    public static IReadOnlyList<AdamMoment> Export(Adam optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        using var noGrad = torch.no_grad();
        return [.. States(optimizer).Select(s => new AdamMoment(s.step, s.exp_avg.detach().clone(), s.exp_avg_sq.detach().clone()))];
    }

    /// <summary>Puts <paramref name="moments"/> (from <see cref="Export"/> of an optimiser over the same parameters) back.</summary>
    /// <exception cref="ArgumentException">Another number of parameters, or a moment of another shape.</exception>
    public static void Import(Adam optimizer, IReadOnlyList<AdamMoment> moments)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(moments);
        var states = States(optimizer);
        if (states.Count != moments.Count)
        {
            throw new ArgumentException($"{moments.Count} saved Adam states for {states.Count} parameters", nameof(moments));
        }

        using var noGrad = torch.no_grad();
        for (var i = 0; i < states.Count; i++)
        {
            var (state, moment) = (states[i], moments[i]);
            if (!state.exp_avg.shape.SequenceEqual(moment.ExpAvg.shape) || !state.exp_avg_sq.shape.SequenceEqual(moment.ExpAvgSq.shape))
            {
                throw new ArgumentException($"saved Adam state {i} has shape [{string.Join(", ", moment.ExpAvg.shape)}], the parameter [{string.Join(", ", state.exp_avg.shape)}]", nameof(moments));
            }

            state.step = moment.Step;
            state.exp_avg.copy_(moment.ExpAvg);
            state.exp_avg_sq.copy_(moment.ExpAvgSq);
        }
    }

    private static List<Adam.State> States(Adam optimizer)
    {
        var states = optimizer.state_dict().State.Cast<Adam.State>().ToList();
        if (states.Any(s => s.max_exp_avg_sq is not null))
        {
            throw new NotSupportedException("AMSGrad's running maximum is not exported");
        }

        return states;
    }
}
