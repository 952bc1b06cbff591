using System.CommandLine;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Commands.Bench;

/// <summary>One area under <c>edgemoe bench</c>.</summary>
internal interface IBenchArea
{
    Command Build(CliConsole console);
}
