namespace EdgeMoE.Host.Commands.Run;

/// <summary>
/// One emulation <c>edgemoe run</c> can drive, chosen by <c>edgemoe.run.scenario</c>. It reads its own settings
/// section, writes its files to <c>edgemoe.run.output-dir</c> and its results table to stdout.
/// </summary>
internal interface IScenario
{
    /// <summary>The value of <c>edgemoe.run.scenario</c> that selects it.</summary>
    string Name { get; }

    /// <summary>Runs the scenario to its end.</summary>
    /// <returns>The process exit code.</returns>
    /// <exception cref="EdgeMoE.Host.Cli.BadInputException">A bad value in its section or a bad command-line option.</exception>
    int Run(ScenarioInvocation invocation);
}
