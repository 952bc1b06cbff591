using System.CommandLine;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Commands.Solve;

/// <summary>One problem under <c>edgemoe solve</c>.</summary>
internal interface ISolver
{
    Command Build(CliConsole console);
}
