using Akka.Actor;
using EdgeMoE.Actors.Jesa.Coordination;
using EdgeMoE.Actors.Jesa.Links;
using EdgeMoE.Actors.Jesa.Messages;
using EdgeMoE.Actors.Jesa.Nodes;
using EdgeMoE.Host.Settings;
using EdgeMoE.Models.Data;
using EdgeMoE.Models.Vit;

namespace EdgeMoE.Host.Scenarios.Jesa;

/// <summary>
/// Runs every scheme of the JESA scenario on one actor system: per scheme K expert nodes (each with its own copy of
/// the weights), K(K−1) links and a coordinator, all schemes at once on the same queries and the same channels.
/// </summary>
internal static class JesaEmulation
{
    /// <summary>The outcomes of <paramref name="settings"/>' schemes, in their order.</summary>
    public static IReadOnlyList<SchemeOutcome> Run(
        JesaSettings settings, int runSeed, string weightsPath, MoeVitOptions options, LabeledImages test, Akka.Configuration.Config akka, int threads, TextWriter progress)
    {
        var k = settings.Experts;
        var radio = new JesaRadio(settings.SubcarrierSpacingHz, settings.TransmitPowerW, settings.NoiseW, settings.PathLoss, settings.Subcarriers, settings.HiddenStateBits);
        var compute = Enumerable.Range(1, k).Select(j => j * settings.ComputeEnergyStepJ).ToArray();
        var pixels = Enumerable.Range(0, settings.Images).Select(n => test.Image(n).ToArray()).ToArray();
        var labels = test.Labels[..settings.Images];
        // A failed node or link is stopped, not restarted empty, so its coordinator reports the failure.
        var stopping = Akka.Configuration.ConfigurationFactory.ParseString("akka.actor.guardian-supervisor-strategy = \"Akka.Actor.StoppingSupervisorStrategy\"");
        using var system = EmulationActorSystem.Create("jesa", stopping.WithFallback(akka), threads);
        var asks = new List<Task<SchemeOutcome>>();
        for (var s = 0; s < settings.Schemes.Count; s++)
        {
            var spec = settings.Schemes[s];
            var nodes = Enumerable.Range(0, k)
                .Select(i => system.ActorOf(ExpertNodeActor.Props(i, MoeVitTraining.Load(weightsPath, options), compute[i]), $"s{s}-node-{i}"))
                .ToArray();
            var links = new IActorRef?[k * k];
            for (var i = 0; i < k; i++)
            {
                for (var j = 0; j < k; j++)
                {
                    if (i != j)
                    {
                        links[(i * k) + j] = system.ActorOf(LinkActor.Props(i, j, runSeed, radio), $"s{s}-link-{i}-{j}");
                        links[(i * k) + j]!.Tell(new LinkWiring(nodes));
                    }
                }
            }

            var setup = new JesaCoordinatorSetup(
                spec.Label, spec.Create(settings.DepthScaledGamma, settings.ReferenceDepth, settings.Layers), settings.Layers, options.Tokens,
                radio, compute, pixels, labels, runSeed, nodes, links);
            var coordinator = system.ActorOf(JesaCoordinatorActor.Props(setup), $"s{s}-coordinator");
            foreach (var node in nodes)
            {
                node.Tell(new NodeWiring(coordinator, links));
            }

            var label = spec.Label;
            asks.Add(coordinator.Ask<SchemeOutcome>(new RunScheme(), Timeout.InfiniteTimeSpan).ContinueWith(
                t =>
                {
                    progress.WriteLine($"scheme {label} done");
                    return t.Result;
                },
                TaskScheduler.Default));
        }

        var outcomes = Task.WhenAll(asks).GetAwaiter().GetResult();
        system.Terminate().Wait();
        return outcomes;
    }
}
