using System.Diagnostics;
using EdgeMoE.Host.Checkpoints;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Cluster;
using EdgeMoE.Host.Settings;

namespace EdgeMoE.Host.Commands.Run;

/// <summary>What <c>edgemoe run</c> hands a scenario: its validated settings and the command's options.</summary>
/// <param name="Settings">The scenario file over reference.conf, with the command-line overrides.</param>
/// <param name="Resolved">The resolved configuration, which the scenario writes as config.conf.</param>
/// <param name="Console">stdout for results, stderr for progress.</param>
/// <param name="Cluster">The cluster options given on the command line.</param>
/// <param name="LocalNodes">The <c>--local-nodes</c> count, or null.</param>
/// <param name="Wall">Started when the command started: for the closing wall-time line on stderr only.</param>
internal sealed record ScenarioInvocation(
    EdgeMoeSettings Settings, EdgeMoE.Hocon.Config Resolved, CliConsole Console, ClusterOptions.Given Cluster, int? LocalNodes, Stopwatch Wall)
{
    /// <summary>--checkpoint-every and --resume: what the scenario must write and where it continues from.</summary>
    public Checkpointing Checkpoints { get; init; } = Checkpointing.None;

    /// <summary>Whether the command asked for a cluster (<c>--local-nodes</c> or <c>--seed-nodes</c>).</summary>
    public bool WantsCluster => LocalNodes is not null || Cluster.SeedNodes is not null;

    /// <summary>Refuses cluster options for a scenario that runs in one process.</summary>
    /// <exception cref="BadInputException">--local-nodes or --seed-nodes was given.</exception>
    public void RequireOneProcess()
    {
        if (WantsCluster)
        {
            throw new BadInputException(
                $"{(LocalNodes is not null ? "--local-nodes" : "--seed-nodes")}: scenario {Settings.Run.Scenario} runs in one process; " +
                $"{ScenarioNames.StableMoe}, {ScenarioNames.Jesa} and {ScenarioNames.Nmoe} run on a cluster");
        }
    }

    /// <summary>
    /// Creates the output folder and writes config.conf, which repeats the run; returns the folder. A resumed run keeps
    /// the config.conf its checkpoints were verified against.
    /// </summary>
    public string WriteConfig()
    {
        var folder = Settings.Run.OutputDir;
        Directory.CreateDirectory(folder);
        if (Checkpoints.Resume is null)
        {
            File.WriteAllText(Path.Combine(folder, "config.conf"), Resolved.ToHocon());
        }

        return folder;
    }
}
