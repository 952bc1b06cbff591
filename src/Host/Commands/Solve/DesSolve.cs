using System.CommandLine;
using System.Diagnostics;
using EdgeMoE.Host.Cli;
using EdgeMoE.Policies.Jesa.Selection;

namespace EdgeMoE.Host.Commands.Solve;

/// <summary>
/// <c>edgemoe solve des</c>: DES for one hidden state.
/// In: <c>{"scores": [g_j], "energy": [e_j], "threshold": z, "max_experts": D}</c>.
/// Out: <c>{"selected": [j...], "energy", "score", "status": "optimal"|"top-d-fallback", "nodes_explored", "solve_us"}</c>.
/// </summary>
internal sealed class DesSolve : ISolver
{
    public Command Build(CliConsole console)
    {
        var input = SolveCommand.InputOption();
        var command = new Command("des", "Dynamic Expert Selection (JESA Algorithm 1) for one hidden state.") { input };
        command.SetAction(parse => Execute(console, parse.GetValue(input)!));
        return command;
    }

    private static int Execute(CliConsole console, string path)
    {
        var instances = JsonInstances.Read(path, console.Input);
        var solver = new DynamicExpertSelection();
        var results = new List<(ExpertSelection Result, double Micros)>();
        foreach (var instance in instances.Items)
        {
            var scores = instance.Numbers("scores", min: 0);
            var energy = instance.Numbers("energy", scores.Length, min: 0);
            var threshold = instance.Number("threshold");
            var maxExperts = instance.Integer("max_experts", min: 1);
            var clock = Stopwatch.StartNew();
            var result = solver.Solve(scores, energy, threshold, maxExperts);
            results.Add((result, clock.Elapsed.TotalMicroseconds));
        }

        JsonResults.Write(console.Out, instances, results, (writer, item) =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("selected");
            foreach (var j in item.Result.Selected)
            {
                writer.WriteNumberValue(j);
            }

            writer.WriteEndArray();
            writer.WriteNumber("energy", item.Result.Energy);
            writer.WriteNumber("score", item.Result.Score);
            writer.WriteString("status", item.Result.Status == DesStatus.Optimal ? "optimal" : "top-d-fallback");
            writer.WriteNumber("nodes_explored", item.Result.NodesExplored);
            writer.WriteNumber("solve_us", item.Micros);
            writer.WriteEndObject();
        });
        return ExitCodes.Success;
    }
}
