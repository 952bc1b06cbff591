namespace EdgeMoE.Actors.Runtime;

/// <summary>The clock an actor system runs on.</summary>
public enum TimeMode
{
    /// <summary>
    /// Deterministic virtual time (the emulator's default): the clock moves only when the system is quiescent,
    /// straight to the next timer; messages are delivered in supersteps in canonical order.
    /// </summary>
    Virtual,

    /// <summary>Wall-clock time through a <see cref="System.TimeProvider"/>; messages are delivered at once.</summary>
    Real,
}
