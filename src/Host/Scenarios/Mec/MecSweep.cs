using System.Threading.Channels;
using Akka.Actor;
using EdgeMoE.Actors.Mec;
using EdgeMoE.Host.Checkpoints;
using EdgeMoE.Host.Settings;

namespace EdgeMoE.Host.Scenarios.Mec;

/// <summary>
/// Runs every run of the sweep on one actor system; each run is independent, so they go side by side. With
/// checkpoints, every run pauses after each N steps until the host has written all runs' state at that step.
/// </summary>
public static class MecSweep
{
    /// <summary>The runs' results in the order of <paramref name="keys"/>; progress, one line per run, on <paramref name="log"/>.</summary>
    public static IReadOnlyList<MecRunResult> Execute(
        MecSettings mec, IReadOnlyList<MecRunKey> keys, EdgeMoeSettings settings, int threads, TextWriter log, Checkpointing checkpoints)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        var resumed = checkpoints.Resume is { } loaded ? MecCheckpoint.Read(loaded, keys) : null;
        using var system = EmulationActorSystem.Create("mec", settings.Actors.Akka, threads);
        try
        {
            if (resumed is not null)
            {
                log.WriteLine($"resuming every run after step {resumed[0].Step} from {checkpoints.Resume!.Dir}");
            }

            var fashion = mec.TaskFamily == MecSettings.FashionMnist ? MecFashionData.Load(mec.Fashion, settings.Run, log) : null;
            var snapshots = checkpoints.Every is null ? null : Channel.CreateUnbounded<MecRunSnapshot>();
            var runs = keys.Select((key, i) =>
            {
                var (resume, taking) = (resumed?[i], snapshots is null ? null : new MecRunCheckpoints(i, checkpoints.Every!.Value, snapshots.Writer));
                return fashion is null ? SyntheticMecRun.Start(system, mec, key, resume, taking) : FashionMecRun.Start(system, mec, key, fashion, resume, taking);
            }).ToList();
            if (snapshots is not null)
            {
                WriteCheckpoints(snapshots.Reader, runs, keys, mec.Tasks, resumed?[0].Step ?? 0, checkpoints);
            }

            var results = new MecRunResult[keys.Count];
            for (var i = 0; i < runs.Count; i++)
            {
                results[i] = runs[i].Result.GetAwaiter().GetResult();
                var key = keys[i];
                log.WriteLine($"[{i + 1}/{keys.Count}] {key.Method} M={key.Experts} seed {key.Seed}: G_1 {results[i].Errors[0]:0.000}, G_T {results[i].Errors[^1]:0.000}");
            }

            return results;
        }
        finally
        {
            system.Terminate().Wait();
            foreach (var snapshot in resumed ?? [])
            {
                snapshot.Dispose();
            }
        }
    }

    // Every due step before T: all runs' snapshots in, one checkpoint written, every run told to go on.
    private static void WriteCheckpoints(
        ChannelReader<MecRunSnapshot> reader, IReadOnlyList<MecRunHandle> runs, IReadOnlyList<MecRunKey> keys, int tasks, long resumedStep, Checkpointing checkpoints)
    {
        var every = checkpoints.Every!.Value;
        var anyEnded = Task.WhenAny(runs.Select(r => r.Result));
        for (var step = resumedStep + every; step < tasks; step += every)
        {
            var snapshots = new List<MecRunSnapshot>(runs.Count);
            try
            {
                while (snapshots.Count < runs.Count)
                {
                    var next = reader.ReadAsync().AsTask();
                    if (Task.WaitAny(next, anyEnded) == 1 && !next.IsCompleted)
                    {
                        // No run ends before T unless it failed: surface its exception.
                        anyEnded.Result.GetAwaiter().GetResult();
                        throw new InvalidOperationException($"a MEC run ended before its checkpoint at step {step}");
                    }

                    snapshots.Add(next.GetAwaiter().GetResult());
                }

                IReadOnlyList<CheckpointPart> parts;
                using (checkpoints.Measure())
                {
                    parts = MecCheckpoint.Parts(step, keys, snapshots);
                }

                checkpoints.Save(step, parts);
            }
            finally
            {
                foreach (var snapshot in snapshots)
                {
                    snapshot.Dispose();
                }
            }

            foreach (var run in runs)
            {
                run.Coordinator.Tell(new ContinueRun(), ActorRefs.NoSender);
            }
        }
    }
}
