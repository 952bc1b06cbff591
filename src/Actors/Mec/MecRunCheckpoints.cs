using System.Threading.Channels;

namespace EdgeMoE.Actors.Mec;

/// <summary>
/// How a run takes part in the sweep's checkpoints: after every <paramref name="Every"/> steps its coordinator sends a
/// <see cref="MecRunSnapshot"/> to <paramref name="Snapshots"/> and pauses until told <see cref="ContinueRun"/>.
/// </summary>
/// <param name="Run">The run's index in its sweep.</param>
/// <param name="Every">Steps between checkpoints (≥ 1).</param>
/// <param name="Snapshots">Where the host collects the runs' snapshots.</param>
public sealed record MecRunCheckpoints(int Run, int Every, ChannelWriter<MecRunSnapshot> Snapshots);
