using EdgeMoE.Models.Moe.Continual;
using EdgeMoE.Policies.Mec;

namespace EdgeMoE.Actors.Mec;

/// <summary>The coordinator's own state between two steps.</summary>
/// <param name="Errors">G_t of the steps done so far (the rows errors.csv will hold).</param>
/// <param name="Dropped">Tasks no server could take so far.</param>
/// <param name="FreeFrom">Per server, the first step it is free again.</param>
/// <param name="Taken">Per server, the tasks it took.</param>
/// <param name="Crashed">Per server, whether it crashed since its last task (its next task starts a fresh expert).</param>
public sealed record MecCoordinatorState(double[] Errors, int Dropped, int[] FreeFrom, int[] Taken, bool[] Crashed);

/// <summary>
/// A whole MEC run after step <paramref name="Step"/>: restoring it and continuing gives the same G_t as never stopping.
/// The user's task stream stands at <paramref name="Step"/> tasks drawn.
/// </summary>
/// <param name="Run">The run's index in its sweep.</param>
/// <param name="Step">Steps done.</param>
/// <param name="Coordinator">The coordinator's state.</param>
/// <param name="Choice">The routing method's state.</param>
/// <param name="Error">The G_t tracker's state.</param>
/// <param name="Experts">Per server its expert's state, or null for an expert that never took a task (a fresh one equals it).</param>
public sealed record MecRunSnapshot(
    int Run, int Step, MecCoordinatorState Coordinator, ServerChoiceState Choice, GeneralisationErrorState Error, IReadOnlyList<ContinualExpertState?> Experts) : IDisposable
{
    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var expert in Experts)
        {
            expert?.Dispose();
        }
    }
}
