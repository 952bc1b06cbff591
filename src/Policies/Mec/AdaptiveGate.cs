namespace EdgeMoE.Policies.Mec;

/// <summary>
/// The adaptive gating network of the MoE-for-MEC model. Scores are linear in the task's feature sum,
/// h_m = θ_m·Σ_i X_t,i; the gate output is π = softmax(h); a task goes to the available server with the highest
/// h_m + r_m, r_m ~ U[0, λ]. The gate takes a gradient step on the locality loss Σ_m π_m‖Δw_m‖₂ plus the
/// load-balancing loss α·M·Σ_m f_m·π_m (f_m: share of tasks routed to m so far); the routed expert's own task loss
/// is zero after its minimum-norm fit and does not depend on θ, so it adds no gradient. With
/// <see cref="AdaptiveGateOptions.EveryServerLocality"/> Δw_m is the change server m would make to fit the task, so the
/// gate learns which servers fit which tasks; otherwise only the chosen server's Δw is non-zero. Termination (arXiv 2406.16437
/// Algorithm 1: without it, load balancing undoes the specialisation): every server starts with a flag I_m = 1; after
/// T1, a task clears the flag of every server whose gate output differs from the routed server's by more than Γ, and
/// once all flags are clear the gate never learns again.
/// </summary>
public sealed class AdaptiveGate : IServerChoice
{
    private readonly AdaptiveGateOptions _options;
    private readonly Random _random;
    private readonly double[][] _theta;
    private readonly int[] _routed;
    private readonly double[] _noise;
    private readonly double[] _scores;
    private int _tasks;
    private readonly bool[] _separated;
    private int _separatedCount;
    private int? _stoppedAt;

    /// <summary>A gate with θ = 0 (uniform output), drawing its exploration noise from <paramref name="random"/>.</summary>
    public AdaptiveGate(AdaptiveGateOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Experts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Dimension);
        _options = options;
        _random = random;
        _theta = [.. Enumerable.Range(0, options.Experts).Select(_ => new double[options.Dimension])];
        _routed = new int[options.Experts];
        _noise = new double[options.Experts];
        _scores = new double[options.Experts];
        _separated = new bool[options.Experts];
    }

    /// <inheritdoc />
    public string Name => MecMethods.Moe;

    /// <summary>The step of the task that cleared the last flag (the gate learns no more after it); null while it learns.</summary>
    public int? StoppedAt => _stoppedAt;

    /// <inheritdoc />
    public int? LearningStoppedAt => _stoppedAt;

    /// <summary>θ_m, the gate parameters of server <paramref name="expert"/>.</summary>
    public ReadOnlySpan<double> Parameters(int expert) => _theta[expert];

    /// <inheritdoc />
    public int Choose(ReadOnlySpan<double> featureSum, ReadOnlySpan<bool> available)
    {
        Score(featureSum);
        // Every server's noise is drawn, available or not, so the stream does not depend on availability.
        for (var m = 0; m < _noise.Length; m++)
        {
            _noise[m] = _options.ExplorationNoise * _random.NextDouble();
        }

        var best = -1;
        var bestValue = double.NegativeInfinity;
        for (var m = 0; m < _scores.Length; m++)
        {
            var value = _scores[m] + _noise[m];
            if (available[m] && value > bestValue)
            {
                (best, bestValue) = (m, value);
            }
        }

        return best;
    }

    /// <inheritdoc />
    public bool LearnsFromEveryServer => _options.EveryServerLocality;

    /// <inheritdoc />
    public void Learn(int step, ReadOnlySpan<double> featureSum, int chosen, double modelChange)
    {
        // The servers that did not take the task did not change.
        var changes = new double[_options.Experts];
        changes[chosen] = modelChange;
        LearnFromEvery(step, featureSum, chosen, changes);
    }

    /// <inheritdoc />
    public void LearnFromEvery(int step, ReadOnlySpan<double> featureSum, int chosen, ReadOnlySpan<double> changes)
    {
        if (changes.Length != _options.Experts)
        {
            throw new ArgumentException($"{changes.Length} model changes for {_options.Experts} servers", nameof(changes));
        }

        _routed[chosen]++;
        _tasks++;
        if (_stoppedAt is not null)
        {
            return;
        }

        if (step > _options.StopStep && ClearFlags(featureSum, chosen))
        {
            _stoppedAt = step;
            return;
        }

        var pi = Softmax(featureSum);
        // Both losses are Σ_m c_m·π_m with c fixed in θ: c_m = ‖Δw_m‖ + α·M·f_m.
        // ∂/∂θ_k = π_k·(c_k − Σ_m c_m·π_m)·Σ_i X_t,i.
        var experts = _options.Experts;
        var c = new double[experts];
        var mean = 0.0;
        for (var m = 0; m < experts; m++)
        {
            c[m] = (_options.LoadBalanceWeight * experts * _routed[m] / _tasks) + changes[m];
            mean += c[m] * pi[m];
        }

        for (var k = 0; k < experts; k++)
        {
            var factor = _options.LearningRate * pi[k] * (c[k] - mean);
            var theta = _theta[k];
            for (var i = 0; i < theta.Length; i++)
            {
                theta[i] -= factor * featureSum[i];
            }
        }
    }

    /// <inheritdoc />
    public ServerChoiceState Save()
    {
        // Counters: tasks per server, tasks, one flag per server, flags cleared, stop step (−1 while it learns).
        long[] counters = [.. _routed.Select(r => (long)r), _tasks, .. _separated.Select(f => f ? 1L : 0L), _separatedCount, _stoppedAt ?? -1];
        return new ServerChoiceState([.. _theta.SelectMany(t => t)], counters, GeneratorState.Of(_random));
    }

    /// <inheritdoc />
    public void Restore(ServerChoiceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var (m, d) = (_options.Experts, _options.Dimension);
        if (state.Values.Length != m * d || state.Counters.Length != (2 * m) + 3)
        {
            throw new ArgumentException($"the saved gate has {state.Values.Length} parameters and {state.Counters.Length} counters, this one {m * d} and {(2 * m) + 3}", nameof(state));
        }

        for (var k = 0; k < m; k++)
        {
            state.Values.AsSpan(k * d, d).CopyTo(_theta[k]);
            _routed[k] = checked((int)state.Counters[k]);
            _separated[k] = state.Counters[m + 1 + k] != 0;
        }

        _tasks = checked((int)state.Counters[m]);
        _separatedCount = checked((int)state.Counters[(2 * m) + 1]);
        var stopped = state.Counters[(2 * m) + 2];
        _stoppedAt = stopped < 0 ? null : checked((int)stopped);
        GeneratorState.Restore(_random, state.Generator);
    }

    /// <summary>π(X_t, Θ) = softmax(h), the gate output for a task with feature sum <paramref name="featureSum"/>.</summary>
    public double[] Softmax(ReadOnlySpan<double> featureSum)
    {
        Score(featureSum);
        var max = _scores.Max();
        var pi = new double[_scores.Length];
        var total = 0.0;
        for (var m = 0; m < pi.Length; m++)
        {
            pi[m] = Math.Exp(_scores[m] - max);
            total += pi[m];
        }

        for (var m = 0; m < pi.Length; m++)
        {
            pi[m] /= total;
        }

        return pi;
    }

    // Clears I_m for every server m with |h_m − h_chosen| > Γ on this task; true once every flag is clear.
    private bool ClearFlags(ReadOnlySpan<double> featureSum, int chosen)
    {
        Score(featureSum);
        for (var m = 0; m < _scores.Length; m++)
        {
            if (!_separated[m] && Math.Abs(_scores[m] - _scores[chosen]) > _options.StopGap)
            {
                _separated[m] = true;
                _separatedCount++;
            }
        }

        return _separatedCount == _scores.Length;
    }

    private void Score(ReadOnlySpan<double> featureSum)
    {
        for (var m = 0; m < _theta.Length; m++)
        {
            var theta = _theta[m];
            var h = 0.0;
            for (var i = 0; i < theta.Length; i++)
            {
                h += theta[i] * featureSum[i];
            }

            _scores[m] = h;
        }
    }
}
