using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Commands.Solve;

/// <summary>
/// A <c>solve</c> problem with the shared conventions: <c>--input FILE|-</c> holding one JSON instance or an array;
/// every instance is read and validated before any is solved (so a bad instance costs no work), each solve is
/// timed on its own, and the results come out as one object or an array matching the input.
/// </summary>
/// <typeparam name="TProblem">The validated instance.</typeparam>
/// <typeparam name="TResult">What the solver returns for it.</typeparam>
internal abstract class JsonSolver<TProblem, TResult> : ISolver
{
    /// <summary>The sub-command name, e.g. <c>des</c>.</summary>
    protected abstract string Name { get; }

    /// <summary>One line for <c>--help</c>.</summary>
    protected abstract string Description { get; }

    public Command Build(CliConsole console)
    {
        var input = SolveCommand.InputOption();
        var command = new Command(Name, Description) { input };
        command.SetAction(parse => Execute(console, parse.GetRequiredValue(input)));
        return command;
    }

    /// <summary>Reads and validates one instance; errors come from <paramref name="instance"/>'s getters or <see cref="JsonInstance.Error"/>.</summary>
    protected abstract TProblem Read(JsonInstance instance);

    /// <summary>Solves one validated instance; <paramref name="instance"/> is there to name fields in errors the solver finds.</summary>
    protected abstract TResult Solve(TProblem problem, JsonInstance instance);

    /// <summary>Writes one result as a JSON object; <paramref name="elapsed"/> is the wall time of its <see cref="Solve"/>.</summary>
    protected abstract void Write(Utf8JsonWriter writer, TResult result, TimeSpan elapsed);

    private int Execute(CliConsole console, string inputPath)
    {
        var instances = JsonInstances.Read(inputPath, console.Input);
        var problems = instances.Items.Select(Read).ToArray();
        var results = new (TResult Result, TimeSpan Elapsed)[problems.Length];
        for (var i = 0; i < problems.Length; i++)
        {
            var clock = Stopwatch.StartNew();
            var result = Solve(problems[i], instances.Items[i]);
            results[i] = (result, clock.Elapsed);
        }

        JsonResults.Write(console.Out, instances, results, (writer, item) => Write(writer, item.Result, item.Elapsed));
        return ExitCodes.Success;
    }
}
