using System.CommandLine;
using System.Diagnostics;
using EdgeMoE.Host.Cli;
using EdgeMoE.Policies.Assignment;

namespace EdgeMoE.Host.Commands.Solve;

/// <summary>
/// <c>edgemoe solve assignment</c>: exact rectangular linear assignment.
/// In: <c>{"cost": [[...] n rows × m columns]}</c>. Out: <c>{"assignment": [column or -1 per row], "cost", "solve_ms"}</c>.
/// </summary>
internal sealed class AssignmentSolve : ISolver
{
    public Command Build(CliConsole console)
    {
        var input = SolveCommand.InputOption();
        var command = new Command("assignment", "Minimum-cost assignment of rows to distinct columns (n > m: m rows get one).") { input };
        command.SetAction(parse => Execute(console, parse.GetValue(input)!));
        return command;
    }

    private static int Execute(CliConsole console, string path)
    {
        var instances = JsonInstances.Read(path, console.Input);
        var results = new List<(AssignmentResult Result, double Millis)>();
        foreach (var instance in instances.Items)
        {
            var rows = instance.Matrix("cost");
            var columns = rows.Length == 0 ? 0 : rows[0].Length;
            var flat = new double[rows.Length * columns];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i].CopyTo(flat, i * columns);
            }

            var clock = Stopwatch.StartNew();
            var result = LinearAssignment.Solve(flat, rows.Length, columns);
            results.Add((result, clock.Elapsed.TotalMilliseconds));
        }

        JsonResults.Write(console.Out, instances, results, (writer, item) =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("assignment");
            foreach (var column in item.Result.ColumnOfRow)
            {
                writer.WriteNumberValue(column);
            }

            writer.WriteEndArray();
            writer.WriteNumber("cost", item.Result.Cost);
            writer.WriteNumber("solve_ms", item.Millis);
            writer.WriteEndObject();
        });
        return ExitCodes.Success;
    }
}
