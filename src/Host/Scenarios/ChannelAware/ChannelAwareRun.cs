using System.Globalization;
using Akka.Actor;
using EdgeMoE.Actors.ChannelAware;
using EdgeMoE.Host.Checkpoints;
using EdgeMoE.Host.Settings;
using EdgeMoE.Models.Data;
using EdgeMoE.Models.Moe.ChannelAware;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Randomness;
using static TorchSharp.torch;

namespace EdgeMoE.Host.Scenarios.ChannelAware;

/// <summary>
/// The scenario's work for every K, unit by unit (a training epoch or an evaluation point), with a checkpoint after
/// every N units when asked, and from a checkpoint when resumed: stage 1, the naive gate's equal training, then per
/// mode stage 2 and the SNR sweep on actors. Without checkpoints the K values, and after its stage 1 each K's modes, run
/// in parallel, up to --threads at once.
/// </summary>
/// <param name="scenario">The scenario's settings.</param>
/// <param name="run">Run settings (seed, threads).</param>
/// <param name="akka">The actor systems' configuration.</param>
/// <param name="data">Training, held-out and test images.</param>
/// <param name="progress">stderr.</param>
/// <param name="checkpoints">--checkpoint-every and --resume.</param>
internal sealed class ChannelAwareRun(
    ChannelAwareSettings scenario, RunSettings run, Akka.Configuration.Config akka, ChannelAwareData data, TextWriter progress, Checkpointing checkpoints)
{
    private readonly List<ChannelAwareResult> _results = [];
    private readonly TextWriter _progress = TextWriter.Synchronized(progress);
    private long _units;

    /// <summary>Every sweep point's result: in the order they were measured, or per K in the order of K when K ran in parallel.</summary>
    public IReadOnlyList<ChannelAwareResult> Execute()
    {
        if (!checkpoints.Requested && Workers() > 1)
        {
            return ExecuteInParallel();
        }

        using var resume = checkpoints.Resume is { } loaded ? ChannelAwareCheckpoint.Read(loaded, scenario.Experts) : null;
        var first = 0;
        if (resume is not null)
        {
            (_units, first) = (resume.Position.Units, resume.Position.ExpertsIndex);
            _results.AddRange(resume.Results);
            _progress.WriteLine(Invariant($"resuming after {_units} epochs and points, K = {scenario.Experts[first]}, from {checkpoints.Resume!.Dir}"));
        }

        for (var index = first; index < scenario.Experts.Count; index++)
        {
            RunExperts(index, index == first ? resume : null, _results);
        }

        return _results;
    }

    // Each K's work is independent of the others' (its own networks, generators seeded from the run seed and K, and actor
    // systems), and after stage 1 each mode's stage 2 and sweep are independent of the other mode's (G_AW starts from
    // stage 1's G in each, on its own copy of the networks). So up to --threads of these jobs run at once: every K's
    // stage 1 first, largest K first, then each mode's job as its K's stage 1 ends; the bytes are those of a run one K and
    // one mode after another. A checkpoint counts units in that one-after-another order, so checkpointing and resuming runs
    // keep it.
    private int Workers() => Math.Min(ScenarioPlan.DispatcherThreads(run), scenario.Experts.Count * Math.Max(1, scenario.Modes.Count));

    private List<ChannelAwareResult> ExecuteInParallel()
    {
        var phases = ChannelAwarePhase.Of(scenario);
        var shared = phases.TakeWhile(p => p.Mode is null).ToArray();
        var modes = scenario.Modes.Select(mode => phases.Where(p => p.Mode == mode).ToArray()).ToArray();
        var perMode = scenario.Experts.Select(_ => modes.Select(_ => new List<ChannelAwareResult>()).ToArray()).ToArray();
        var queue = new WorkQueue();
        foreach (var index in Enumerable.Range(0, scenario.Experts.Count).OrderByDescending(i => scenario.Experts[i]).ThenBy(i => i))
        {
            queue.Add(() =>
            {
                var trained = new TrainedExperts(NewState(index, []), modes.Length);
                try
                {
                    RunPhases(trained.State, shared, null);
                    EndStage1(trained.State);
                    trained.Networks = trained.State.Model.SnapshotStage1();
                }
                catch
                {
                    trained.Dispose();
                    throw;
                }

                if (modes.Length == 0)
                {
                    trained.Dispose();
                }

                for (var m = 0; m < modes.Length; m++)
                {
                    var (mode, results) = (modes[m], perMode[index][m]);
                    queue.Add(() => RunMode(trained, mode, results));
                }
            });
        }

        queue.Run(Workers(), TorchThreads.ApplyToCallingThread); // libtorch keeps its thread count per OS thread
        return perMode.SelectMany(k => k.SelectMany(results => results)).ToList();
    }

    // One mode's stage 2 and sweep on a copy of the networks stage 1 left (G_AW is rewritten from stage 1's G before it
    // trains); the last mode to finish disposes what its K's stage 1 left.
    private void RunMode(TrainedExperts trained, IReadOnlyList<ChannelAwarePhase> phases, List<ChannelAwareResult> results)
    {
        try
        {
            var from = trained.State;
            var state = NewState(from.Index, results);
            try
            {
                state.Model.RestoreStage1(trained.Networks!);
                (state.Stage1Gate, state.Features, state.Stop, state.Stage1Stopped) = (from.Stage1Gate, from.Features, from.Stop, from.Stage1Stopped);
                RunPhases(state, phases, null);
            }
            finally
            {
                state.Stage1Gate = null; // the K's, disposed with it
                state.Release();
            }
        }
        finally
        {
            trained.ModeDone();
        }
    }

    private ExpertsState NewState(int index, List<ChannelAwareResult> results)
    {
        var experts = scenario.Experts[index];
        var train = data.Train;
        var model = new ChannelAwareMoe(run.Seed, experts, train.Channels, train.Height, train.Width, train.Classes, scenario.ExpertHidden, scenario.GateHidden);
        return new ExpertsState(index, experts, model, results);
    }

    private void RunExperts(int index, ChannelAwareResume? resume, List<ChannelAwareResult> results)
    {
        var state = NewState(index, results);
        try
        {
            if (resume is not null)
            {
                ChannelAwareCheckpoint.Load(state.Model, resume, checkpoints.Resume!.Dir);
                var p = resume.Position;
                (state.Phase, state.Done, state.Stage1Stopped, state.Stop, state.Ideal) = (p.Phase, p.Done, p.Stage1Stopped, StoppingProgress.Restored(p.Best, p.BestEpoch, p.Stale, p.Drops), p.Ideal);
                state.Stage1Gate = resume.Stage1Gate?.ToDictionary(t => t.Key, t => t.Value.clone());
                state.Stage1Best = BestStage1Weights.Restored(resume.Stage1Best?.ToDictionary(t => t.Key, t => t.Value.clone()));
            }

            RunPhases(state, ChannelAwarePhase.Of(scenario), resume);
        }
        finally
        {
            state.Release();
        }
    }

    // The phases from state.Phase on, each from state.Done on; a resumed generator and optimiser belong to the phase the
    // checkpoint was taken in only.
    private void RunPhases(ExpertsState state, IReadOnlyList<ChannelAwarePhase> phases, ChannelAwareResume? resume)
    {
        for (; state.Phase < phases.Count; state.Phase++, state.Done = 0)
        {
            var phase = phases[state.Phase];
            if (phase.Kind != ChannelAwarePhaseKind.Stage1)
            {
                EndStage1(state);
            }

            switch (phase.Kind)
            {
                case ChannelAwarePhaseKind.Stage1:
                    Stage1(state, phase, resume);
                    break;
                case ChannelAwarePhaseKind.RefineNaive:
                case ChannelAwarePhaseKind.Stage2:
                    GateTraining(state, phase, resume);
                    break;
                default:
                    Evaluate(state, phase);
                    break;
            }

            resume = null;
        }
    }

    // Stage 1 is over: its best epoch's weights when it keeps those, G as it left it (unless a checkpoint kept it) and the
    // features of the frozen F. Once only: later calls find them.
    private void EndStage1(ExpertsState state)
    {
        KeepBestStage1(state);
        state.Stage1Gate ??= state.Model.SnapshotNaiveGate();
        state.Features ??= state.Model.Features(data.Train.Pixels, data.Train.Count, data.Train.Channels, data.Train.Height, data.Train.Width);
    }

    private void Stage1(ExpertsState state, ChannelAwarePhase phase, ChannelAwareResume? resume)
    {
        var experts = state.Experts;
        using var optimizer = TwoStageTraining.IdealOptimizer(state.Model, scenario.Stage1);
        var random = Generator($"channel-aware/K{experts}/stage1", optimizer, state, resume);
        var stop = data.Validation is null ? null : new ValidationStop(data.Validation, scenario.MinGain, scenario.Patience, scenario.RateDrops, scenario.RateFactor);
        if (stop is not null)
        {
            TwoStageTraining.SetRate(optimizer, state.Stop.Rate(scenario.Stage1.LearningRate, stop));
        }

        while (state.Done < phase.Units && !state.Stage1Stopped)
        {
            var loss = TwoStageTraining.IdealEpoch(state.Model, data.Train, scenario.Stage1, random, optimizer, scenario.Stage1Loss);
            _progress.WriteLine(Invariant($"K={experts} stage 1 epoch {state.Done + 1} (at most {scenario.Stage1.Epochs}): loss {loss:0.0000}"));
            if (stop is not null)
            {
                var accuracy = state.Model.IdealAccuracy(stop.Images);
                _progress.WriteLine(Invariant($"K={experts} stage 1 epoch {state.Done + 1}: held-out accuracy {100 * accuracy:0.00} %"));
                state.Stage1Stopped = state.Stop.Observe(state.Done + 1, accuracy, stop);
                if (state.Stop.Dropped)
                {
                    var rate = state.Stop.Rate(scenario.Stage1.LearningRate, stop);
                    TwoStageTraining.SetRate(optimizer, rate);
                    _progress.WriteLine(Invariant($"K={experts} stage 1 learning rate now {rate:G3} ({state.Stop.Drops} of {stop.RateDrops} drops)"));
                }

                if (scenario.KeepBestStage1)
                {
                    state.Stage1Best.Offer(state.Model, state.Stop);
                }
            }

            state.Done++;
            Unit(state, random, optimizer);
        }
    }

    // With stage1-weights = best, F, G and the experts go back to stage 1's best held-out epoch, once, as stage 1 ends
    // (a run resumed after that point has those weights in its checkpoint already and no copy left).
    private void KeepBestStage1(ExpertsState state)
    {
        if (state.Stage1Gate is null && state.Stage1Best.RestoreInto(state.Model))
        {
            _progress.WriteLine(Invariant($"K={state.Experts} stage 1 keeps epoch {state.Stop.BestEpoch}'s weights (held-out accuracy {100 * state.Stop.Best:0.00} %, the best)"));
        }
    }

    private void GateTraining(ExpertsState state, ChannelAwarePhase phase, ChannelAwareResume? resume)
    {
        var (experts, aware) = (state.Experts, phase.Kind == ChannelAwarePhaseKind.Stage2);
        if (state.Done >= phase.Units)
        {
            return;
        }

        if (aware && state.Done == 0)
        {
            state.Model.InitialiseAwareGateFromNaive(state.Stage1Gate);
        }

        using var optimizer = TwoStageTraining.GateOptimizer(state.Model, aware, scenario.Stage2);
        var random = Generator(aware ? $"channel-aware/K{experts}/{phase.Mode}/stage2" : $"channel-aware/K{experts}/naive-gate", optimizer, state, resume);
        var transmission = aware ? scenario.Transmission(phase.Mode!) : null;
        while (state.Done < phase.Units)
        {
            var loss = TwoStageTraining.GateEpoch(
                state.Model, aware, state.Features!, data.Train.Labels, transmission, aware ? scenario.TrainingLaw : null, aware ? scenario.Fading : null,
                scenario.Stage2, random, optimizer);
            _progress.WriteLine(aware
                ? Invariant($"K={experts} {phase.Mode} stage 2 epoch {state.Done + 1}/{scenario.Stage2.Epochs}: loss {loss:0.0000}")
                : Invariant($"K={experts} naive gate on ideal links epoch {state.Done + 1}/{scenario.Stage2.Epochs}: loss {loss:0.0000}"));
            state.Done++;
            Unit(state, random, optimizer);
        }
    }

    private void Evaluate(ExpertsState state, ChannelAwarePhase phase)
    {
        if (state.Done >= phase.Units)
        {
            return;
        }

        var (experts, mode) = (state.Experts, phase.Mode!);
        var transmission = scenario.Transmission(mode);

        // The trained networks go to a fresh actor system per mode: its server, links and experts own them while it runs.
        using var system = EmulationActorSystem.Create("channel-aware", akka, ScenarioPlan.DispatcherThreads(run));
        var server = system.ActorOf(GateServerActor.Props(state.Model, data.Test, run.Seed, scenario.Fading, scenario.NoisyUplink), "server");
        while (state.Done < phase.Units)
        {
            state.Ideal ??= Evaluate(server, new SweepPoint($"K{experts}/ideal", "ideal", GateKind.Ideal, transmission, 0)).Accuracy;
            var snr = scenario.SweepDb[state.Done];
            var key = Invariant($"K{experts}/{mode}/{snr}dB");
            var naive = Evaluate(server, new SweepPoint(key + "/naive", key, GateKind.Naive, transmission, snr));
            var aware = Evaluate(server, new SweepPoint(key + "/aware", key, GateKind.Aware, transmission, snr));
            state.Results.Add(new ChannelAwareResult(mode, experts, snr, naive.Accuracy, aware.Accuracy, state.Ideal.Value, naive.Chosen, aware.Chosen));
            _progress.WriteLine(Invariant($"K={experts} {mode} {snr} dB: naive {100 * naive.Accuracy:0.00} %, aware {100 * aware.Accuracy:0.00} %, ideal {100 * state.Ideal.Value:0.00} %"));
            state.Done++;
            Unit(state, null, null);
        }

        system.Terminate().Wait();
    }

    // The phase's generator, fresh from the seed or, in the phase a checkpoint was taken in, as it stood then (with the optimiser).
    private Random Generator(string purpose, PinnedScalarAdam optimizer, ExpertsState state, ChannelAwareResume? resume)
    {
        var random = (Xoshiro256Random)DerivedSeeds.For(run.Seed, purpose);
        if (resume is not null && state.Done > 0)
        {
            random.SetState(resume.Generator);
            optimizer.ImportMoments(resume.Moments);
        }

        return random;
    }

    // One unit done: a checkpoint when one is due.
    private void Unit(ExpertsState state, Random? random, PinnedScalarAdam? optimizer)
    {
        var units = Interlocked.Increment(ref _units);
        if (!checkpoints.IsDue(units))
        {
            return;
        }

        IReadOnlyList<CheckpointPart> parts;
        using (checkpoints.Measure())
        {
            var position = new ChannelAwarePosition(
                _units, state.Index, state.Phase, state.Done, state.Stage1Stopped, state.Stop.Best, state.Stop.BestEpoch, state.Stop.Stale, state.Stop.Drops, state.Ideal);
            parts = ChannelAwareCheckpoint.Parts(position, state.Experts, _results, state.Model, state.Stage1Gate, state.Stage1Best.Tensors, random, optimizer);
        }

        checkpoints.Save(_units, parts);
    }

    private static (double Accuracy, IReadOnlyList<int> Chosen) Evaluate(IActorRef server, SweepPoint point)
    {
        var result = server.Ask<SweepPointResult>(point, TimeSpan.FromMinutes(30)).GetAwaiter().GetResult();
        return (result.Count == 0 ? 0 : (double)result.Correct / result.Count, result.Chosen);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // One K's work in progress.
    private sealed class ExpertsState(int index, int experts, ChannelAwareMoe model, List<ChannelAwareResult> results)
    {
        /// <summary>Where this K's sweep points go: the run's list, or this K's own when K run in parallel.</summary>
        public List<ChannelAwareResult> Results { get; } = results;

        public int Index { get; } = index;

        public int Experts { get; } = experts;

        public ChannelAwareMoe Model { get; } = model;

        public int Phase { get; set; }

        public int Done { get; set; }

        public bool Stage1Stopped { get; set; }

        public StoppingProgress Stop { get; set; } = new();

        public double? Ideal { get; set; }

        public Dictionary<string, Tensor>? Stage1Gate { get; set; }

        /// <summary>The copy of F, G and the experts at stage 1's best held-out epoch so far (stage1-weights = best; empty once put back).</summary>
        public BestStage1Weights Stage1Best { get; set; } = new();

        public float[]? Features { get; set; }

        /// <summary>Disposes the networks, G's stage-1 copy and the best epoch's copy.</summary>
        public void Release()
        {
            foreach (var tensor in Stage1Gate?.Values ?? Enumerable.Empty<Tensor>())
            {
                tensor.Dispose();
            }

            Stage1Best.Dispose();
            Model.Dispose();
        }
    }

    // A K's networks as stage 1 (and the naive gate's refinement) left them, shared by its modes' jobs: the last to finish
    // disposes them.
    private sealed class TrainedExperts(ExpertsState state, int modes) : IDisposable
    {
        private int _modesLeft = modes;

        public ExpertsState State { get; } = state;

        /// <summary>F, G and the experts as stage 1 left them, for each mode's copy.</summary>
        public Dictionary<string, Tensor>? Networks { get; set; }

        public void ModeDone()
        {
            if (Interlocked.Decrement(ref _modesLeft) == 0)
            {
                Dispose();
            }
        }

        public void Dispose()
        {
            foreach (var tensor in Networks?.Values ?? Enumerable.Empty<Tensor>())
            {
                tensor.Dispose();
            }

            State.Release();
        }
    }
}

/// <summary>The images of the scenario.</summary>
/// <param name="Train">Training images (both stages).</param>
/// <param name="Validation">Held-out images of stage 1's stopping rule; null without the rule.</param>
/// <param name="Test">Test images of the sweep.</param>
internal sealed record ChannelAwareData(LabeledImages Train, LabeledImages? Validation, LabeledImages Test);
