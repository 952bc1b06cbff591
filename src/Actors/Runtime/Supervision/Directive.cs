namespace EdgeMoE.Actors.Runtime;

/// <summary>What a supervisor does with a child that threw.</summary>
public enum Directive
{
    /// <summary>Keep the child's state and continue with its next message.</summary>
    Resume,

    /// <summary>Replace the child's instance with a fresh one (the failing message is dropped).</summary>
    Restart,

    /// <summary>Stop the child.</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the same exception, letting its own parent decide.</summary>
    Escalate,
}
