using System.CommandLine;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Settings;
using HoconConfig = EdgeMoE.Hocon.Config;

namespace EdgeMoE.Host.Commands.Config;

/// <summary><c>edgemoe config show FILE [--format hocon|json] [--raw]</c>: prints the resolved configuration.</summary>
internal static class ConfigShowCommand
{
    public static Command Build(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "HOCON, JSON or .properties file, e.g. hocon/stable-moe.conf." };
        var format = new Option<string>("--format")
        {
            Description = "Output format: hocon (default) or json (valid JSON, numbers as numbers).",
            DefaultValueFactory = _ => "hocon",
        };
        format.AcceptOnlyFromAmong("hocon", "json");
        var raw = new Option<bool>("--raw")
        {
            Description = "Resolve FILE alone instead of layering it over reference.conf " +
                "(the reference.conf beside FILE, else the one installed with edgemoe).",
        };
        var command = new Command("show", "Print the resolved configuration of FILE, layered over reference.conf unless --raw.")
        {
            file, format, raw,
        };
        command.SetAction(parse => Execute(console, parse.GetRequiredValue(file), parse.GetValue(format)!, parse.GetValue(raw)));
        return command;
    }

    private static int Execute(CliConsole console, FileInfo file, string format, bool raw)
    {
        // Keep the path as the user typed it: error messages and origins then name the file the same way.
        var path = file.ToString();
        if (!File.Exists(path))
        {
            throw new BadInputException($"{path}: no such configuration file");
        }

        HoconConfig config = raw ? HoconConfig.Load(path) : LayeredConfig.Load(path).Merged;
        console.Out.Write(format == "json" ? config.ToJson() + Environment.NewLine : config.ToHocon());
        return ExitCodes.Success;
    }
}
