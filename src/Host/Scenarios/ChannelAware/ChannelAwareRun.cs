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
/// mode stage 2 and the SNR sweep on actors. Without checkpoints the K values run in parallel, up to --threads at once.
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
    // systems), so up to --threads of them run at once, largest K first; the bytes are those of a run one K after another.
    // A checkpoint counts units in that one-after-another order, so checkpointing and resuming runs keep it.
    private int Workers() => Math.Min(ScenarioPlan.DispatcherThreads(run), scenario.Experts.Count);

    private List<ChannelAwareResult> ExecuteInParallel()
    {
        var perExperts = scenario.Experts.Select(_ => new List<ChannelAwareResult>()).ToArray();
        var queue = new System.Collections.Concurrent.ConcurrentQueue<int>(
            Enumerable.Range(0, scenario.Experts.Count).OrderByDescending(i => scenario.Experts[i]).ThenBy(i => i));
        var workers = Enumerable.Range(0, Workers()).Select(_ => Task.Factory.StartNew(
            () =>
            {
                TorchThreads.ApplyToCallingThread(); // libtorch keeps its thread count per OS thread
                while (queue.TryDequeue(out var index))
                {
                    RunExperts(index, null, perExperts[index]);
                }
            },
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        try
        {
            Task.WaitAll(workers);
        }
        catch (AggregateException failed)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failed.Flatten().InnerExceptions[0]).Throw();
        }

        return perExperts.SelectMany(results => results).ToList();
    }

    private void RunExperts(int index, ChannelAwareResume? resume, List<ChannelAwareResult> results)
    {
        var experts = scenario.Experts[index];
        var train = data.Train;
        using var model = new ChannelAwareMoe(run.Seed, experts, train.Channels, train.Height, train.Width, train.Classes, scenario.ExpertHidden, scenario.GateHidden);
        var state = new ExpertsState(index, experts, model, results);
        if (resume is not null)
        {
            ChannelAwareCheckpoint.Load(model, resume, checkpoints.Resume!.Dir);
            var p = resume.Position;
            (state.Phase, state.Done, state.Stage1Stopped, state.Stop, state.Ideal) = (p.Phase, p.Done, p.Stage1Stopped, StoppingProgress.Restored(p.Best, p.BestEpoch, p.Stale, p.Drops), p.Ideal);
            state.Stage1Gate = resume.Stage1Gate?.ToDictionary(t => t.Key, t => t.Value.clone());
            state.Stage1Best = BestStage1Weights.Restored(resume.Stage1Best?.ToDictionary(t => t.Key, t => t.Value.clone()));
        }

        try
        {
            var phases = ChannelAwarePhase.Of(scenario);
            for (; state.Phase < phases.Count; state.Phase++, state.Done = 0)
            {
                var phase = phases[state.Phase];
                if (phase.Kind != ChannelAwarePhaseKind.Stage1)
                {
                    // Stage 1 is over: its best epoch's weights when it keeps those, G as it left it (unless a checkpoint
                    // kept it) and the features of the frozen F.
                    KeepBestStage1(state);
                    state.Stage1Gate ??= model.SnapshotNaiveGate();
                    state.Features ??= model.Features(train.Pixels, train.Count, train.Channels, train.Height, train.Width);
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

                // A resumed generator and optimiser belong to the phase the checkpoint was taken in only.
                resume = null;
            }
        }
        finally
        {
            foreach (var tensor in state.Stage1Gate?.Values ?? Enumerable.Empty<Tensor>())
            {
                tensor.Dispose();
            }

            state.Stage1Best.Dispose();
        }
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
    }
}

/// <summary>The images of the scenario.</summary>
/// <param name="Train">Training images (both stages).</param>
/// <param name="Validation">Held-out images of stage 1's stopping rule; null without the rule.</param>
/// <param name="Test">Test images of the sweep.</param>
internal sealed record ChannelAwareData(LabeledImages Train, LabeledImages? Validation, LabeledImages Test);
