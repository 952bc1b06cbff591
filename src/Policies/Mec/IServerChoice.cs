namespace EdgeMoE.Policies.Mec;

/// <summary>How the coordinator of a MEC network picks the server that takes an arriving task.</summary>
public interface IServerChoice
{
    /// <summary>The method's name in outputs: moe, nearest, most-powerful or random.</summary>
    string Name { get; }

    /// <summary>The server for a task with feature sum <paramref name="featureSum"/> (Σ_i X_t,i), or −1 when none is available.</summary>
    /// <param name="featureSum">The sum of the task's samples, d values.</param>
    /// <param name="available">Which servers are free at this step.</param>
    int Choose(ReadOnlySpan<double> featureSum, ReadOnlySpan<bool> available);

    /// <summary>What the chosen server reported after fitting the task: its model change ‖Δw‖₂.</summary>
    /// <param name="step">The task's step t, from 1.</param>
    /// <param name="featureSum">The same feature sum as given to <see cref="Choose"/>.</param>
    /// <param name="chosen">The server that took the task.</param>
    /// <param name="modelChange">‖w_t − w_{t−1}‖₂ of that server.</param>
    void Learn(int step, ReadOnlySpan<double> featureSum, int chosen, double modelChange);

    /// <summary>True when it learns from the change every server would make for the task (<see cref="LearnFromEvery"/>).</summary>
    bool LearnsFromEveryServer => false;

    /// <summary>Learns from the changes of every server: <paramref name="changes"/>[m] is the change server m made (the chosen one) or would make.</summary>
    /// <param name="step">The task's step t, from 1.</param>
    /// <param name="featureSum">The same feature sum as given to <see cref="Choose"/>.</param>
    /// <param name="chosen">The server that took the task.</param>
    /// <param name="changes">One ‖Δw‖₂ per server.</param>
    void LearnFromEvery(int step, ReadOnlySpan<double> featureSum, int chosen, ReadOnlySpan<double> changes) => Learn(step, featureSum, chosen, changes[chosen]);

    /// <summary>The step after which the method learns no more (the gate's termination); null if it never stopped or never learns.</summary>
    int? LearningStoppedAt => null;

    /// <summary>What it has learned and drawn so far (empty for a fixed rule).</summary>
    ServerChoiceState Save() => ServerChoiceState.Empty;

    /// <summary>Puts back what <see cref="Save"/> gave, in a method made with the same settings.</summary>
    /// <exception cref="ArgumentException">The state does not fit this method.</exception>
    void Restore(ServerChoiceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Values.Length + state.Counters.Length + state.Generator.Length != 0)
        {
            throw new ArgumentException($"{Name} has no state to restore", nameof(state));
        }
    }
}
