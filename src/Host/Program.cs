using EdgeMoE.Host.Cli;

return EdgeMoeCli.Run(args, new CliConsole(Console.Out, Console.Error, Console.In));
