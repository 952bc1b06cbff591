using System.CommandLine;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Commands;

/// <summary><c>edgemoe run SCENARIO.conf</c>: runs a scenario of the emulator.</summary>
internal static class RunCommand
{
    /// <summary>Scenarios this build can run; empty until the first end-to-end scenario lands.</summary>
    private static readonly string[] AvailableScenarios = [];

    public static Command Build(CliConsole _)
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "Scenario file (HOCON), e.g. hocon/stable-moe.conf." };
        var command = new Command("run", "Run a scenario of the emulator and write its metrics.") { scenario };
        command.SetAction(parse => Execute(parse.GetRequiredValue(scenario)));
        return command;
    }

    private static int Execute(FileInfo file)
    {
        var available = AvailableScenarios.Length == 0 ? "none yet" : string.Join(", ", AvailableScenarios);
        throw new BadInputException(
            $"{file.Name}: this build of edgemoe cannot run that scenario; scenarios available: {available}. " +
            "The Stable-MoE end-to-end scenario is not implemented yet.");
    }
}
