using System.Diagnostics;
using System.Globalization;

namespace EdgeMoE.Host.Checkpoints;

/// <summary>
/// What a scenario is asked to do about checkpoints: write one every <see cref="Every"/> steps (slots, rounds), and/or
/// continue from <see cref="Resume"/>. It also keeps the time spent collecting and writing them, for the closing line.
/// </summary>
public sealed class Checkpointing
{
    private readonly CheckpointStore? _store;
    private readonly TextWriter _progress;
    private long _spentTicks;
    private int _written;
    private int _cleared;

    /// <summary>Checkpointing for a run.</summary>
    /// <param name="every">Steps between checkpoints (≥ 1), or null for none.</param>
    /// <param name="resume">The verified checkpoint to continue from, or null for a fresh run.</param>
    /// <param name="store">Where checkpoints go; needed when <paramref name="every"/> is given.</param>
    /// <param name="progress">stderr, for one line per checkpoint written.</param>
    public Checkpointing(int? every, LoadedCheckpoint? resume, CheckpointStore? store, TextWriter progress)
    {
        if (every is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(every), every, "checkpoint interval must be >= 1");
        }

        if (every is not null && store is null)
        {
            throw new ArgumentNullException(nameof(store), "a checkpoint interval needs a store");
        }

        (Every, Resume, _store, _progress) = (every, resume, store, progress);
    }

    /// <summary>No checkpoints: neither written nor resumed from.</summary>
    public static Checkpointing None { get; } = new(null, null, null, TextWriter.Null);

    /// <summary>Steps between checkpoints, or null when none are written.</summary>
    public int? Every { get; }

    /// <summary>The checkpoint to continue from, or null for a fresh run.</summary>
    public LoadedCheckpoint? Resume { get; }

    /// <summary>Whether either was asked.</summary>
    public bool Requested => Every is not null || Resume is not null;

    /// <summary>Checkpoints written by this process.</summary>
    public int Written => Volatile.Read(ref _written);

    /// <summary>Time spent collecting state (see <see cref="Measure"/>) and writing checkpoints, by this process.</summary>
    public TimeSpan Spent => TimeSpan.FromTicks(Interlocked.Read(ref _spentTicks));

    /// <summary>The option that sets the interval.</summary>
    public const string EveryOption = "--checkpoint-every";

    /// <summary>The option that resumes a run.</summary>
    public const string ResumeOption = "--resume";

    /// <summary>The value of <c>--checkpoint-every</c>: null when not given, else a whole number ≥ 1.</summary>
    /// <exception cref="Cli.BadInputException">0, negative or not a number; the message names the option.</exception>
    public static int? ParseEvery(string? text) =>
        text is null
            ? null
            : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var every) && every >= 1
                ? every
                : throw new Cli.BadInputException($"{EveryOption}: expected a whole number of steps >= 1 (slots, rounds), got \"{text}\"");

    /// <summary>
    /// The one check of a scenario that cannot checkpoint yet: refuses --checkpoint-every and --resume (never ignores them).
    /// </summary>
    /// <exception cref="Cli.BadInputException">Either was given.</exception>
    public void RefuseFor(string scenario)
    {
        if (Requested)
        {
            throw new Cli.BadInputException(
                $"{(Resume is not null ? ResumeOption : EveryOption)}: scenario {scenario} cannot checkpoint or resume yet; run it without {EveryOption} and {ResumeOption}");
        }
    }

    /// <summary>Whether a checkpoint is due after step <paramref name="step"/> (a multiple of <see cref="Every"/>).</summary>
    public bool IsDue(long step) => Every is { } every && step > 0 && step % every == 0;

    /// <summary>Writes the checkpoint of <paramref name="step"/> and prints one progress line.</summary>
    /// <exception cref="InvalidOperationException">No interval was given.</exception>
    public void Save(long step, IReadOnlyList<CheckpointPart> parts)
    {
        var store = Every is null || _store is null ? throw new InvalidOperationException("no --checkpoint-every was given") : _store;
        string dir;
        using (Measure())
        {
            if (Resume is null && Interlocked.Exchange(ref _cleared, 1) == 0)
            {
                // A fresh run owns its folder: checkpoints of an earlier run there belong to another history.
                store.RemoveAll();
            }

            dir = store.Write(step, parts);
        }

        Interlocked.Increment(ref _written);
        _progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checkpoint: step {step} -> {dir}"));
    }

    /// <summary>
    /// Counts the time until disposal as checkpoint time: wrap the collection of state (e.g. at a slot barrier), not
    /// <see cref="Save"/>, which counts itself. Policies checkpointing at once each add their own time.
    /// </summary>
    public IDisposable Measure() => new Stopping(this, Stopwatch.GetTimestamp());

    /// <summary>Counts <paramref name="spent"/> as checkpoint time (e.g. measured from a barrier's request to its states' arrival).</summary>
    public void Count(TimeSpan spent) => Interlocked.Add(ref _spentTicks, spent.Ticks);

    /// <summary>The closing line's part about checkpoints, e.g. "checkpoints: 20 written in 3.1 s (1.2 % of 254 s)"; empty when none were asked.</summary>
    public string Summary(TimeSpan wall) => Every is null
        ? ""
        : string.Create(
            CultureInfo.InvariantCulture,
            $"checkpoints: {Written} written in {Spent.TotalSeconds:0.0} s ({100 * Spent.TotalSeconds / Math.Max(wall.TotalSeconds, 1e-9):0.0} % of {wall.TotalSeconds:0} s)");

    private sealed class Stopping(Checkpointing owner, long started) : IDisposable
    {
        public void Dispose() => owner.Count(Stopwatch.GetElapsedTime(started));
    }
}
