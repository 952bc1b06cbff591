namespace EdgeMoE.Host.Cli;

/// <summary>Process exit codes of the <c>edgemoe</c> command (ARCHITECTURE.md, "Command line").</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>An unexpected failure inside EdgeMoE: a bug, or the machine failed us.</summary>
    public const int RuntimeFailure = 1;

    /// <summary>Bad usage, bad configuration or bad input data; one clear message on stderr.</summary>
    public const int BadInput = 2;
}
