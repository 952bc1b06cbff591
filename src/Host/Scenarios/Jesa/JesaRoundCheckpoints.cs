using EdgeMoE.Actors.Jesa.Coordination;

namespace EdgeMoE.Host.Scenarios.Jesa;

/// <summary>The emulation's side of checkpointing: where the schemes resume, after which rounds they pause, and how a pause is saved.</summary>
/// <param name="Resume">Per scheme (in scheme order) the progress to continue from, or null for a fresh emulation.</param>
/// <param name="Pause">Whether to pause after a number of rounds done.</param>
/// <param name="Save">Writes the checkpoint after a number of rounds done, from every scheme's progress (in scheme order).</param>
internal sealed record JesaRoundCheckpoints(IReadOnlyList<SchemeProgress>? Resume, Func<int, bool> Pause, Action<int, IReadOnlyList<SchemeProgress>> Save)
{
    /// <summary>No checkpoints.</summary>
    public static JesaRoundCheckpoints None { get; } = new(null, _ => false, (_, _) => { });

    /// <summary>Whether to pause after <paramref name="rounds"/> rounds done.</summary>
    public bool PauseAfter(int rounds) => Pause(rounds);
}
