using Akka.Actor;
using EdgeMoE.Actors.Cluster.Placement;
using EdgeMoE.Actors.Jesa.Coordination;
using EdgeMoE.Actors.Jesa.Links;
using EdgeMoE.Actors.Jesa.Messages;
using EdgeMoE.Actors.Jesa.Nodes;

namespace EdgeMoE.Host.Scenarios.Jesa;

/// <summary>
/// The root of a JESA run: per scheme K expert nodes, K(K−1) links and a coordinator as its children. Expert node i
/// and its outgoing links i → j are edge group i of the placement (on a cluster, edge member i mod N); the
/// coordinators stay here. Completes <c>outcome</c> with every scheme's result, in scheme order.
/// </summary>
internal sealed class JesaRunActor : ReceiveActor
{
    private readonly JesaRunPlan _plan;
    private readonly EdgePlacement _placement;
    private readonly TaskCompletionSource<IReadOnlyList<SchemeOutcome>> _outcome;
    private readonly Action<string> _progress;
    private readonly Dictionary<IActorRef, int> _schemeOf = [];
    private readonly SchemeOutcome?[] _outcomes;
    private readonly SchemeProgress?[] _paused;
    private int _finished;

    /// <summary>A root building <paramref name="plan"/>'s actors under <paramref name="placement"/>.</summary>
    public JesaRunActor(JesaRunPlan plan, EdgePlacement placement, TaskCompletionSource<IReadOnlyList<SchemeOutcome>> outcome, Action<string> progress)
    {
        (_plan, _placement, _outcome, _progress) = (plan, placement, outcome, progress);
        _outcomes = new SchemeOutcome?[plan.Settings.Schemes.Count];
        _paused = new SchemeProgress?[plan.Settings.Schemes.Count];
        Receive<SchemeOutcome>(OnOutcome);
        Receive<SchemePaused>(OnPaused);
        Receive<Status.Failure>(f => _outcome.TrySetException(f.Cause));
    }

    /// <summary>Props of the root of <paramref name="plan"/>'s run under <paramref name="placement"/>.</summary>
    public static Props Props(JesaRunPlan plan, EdgePlacement placement, TaskCompletionSource<IReadOnlyList<SchemeOutcome>> outcome, Action<string> progress) =>
        Akka.Actor.Props.Create(() => new JesaRunActor(plan, placement, outcome, progress));

    /// <inheritdoc />
    // A failed node or link is stopped, not restarted empty, so its coordinator (which watches it) reports the failure.
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    /// <inheritdoc />
    protected override void PreStart()
    {
        var settings = _plan.Settings;
        var k = settings.Experts;
        for (var s = 0; s < settings.Schemes.Count; s++)
        {
            var spec = settings.Schemes[s];
            var nodes = Enumerable.Range(0, k)
                .Select(i => Context.ActorOf(
                    _placement.Place(ExpertNodeActor.Props(new ExpertNodeSetup(i, _plan.WeightsPath, _plan.Options, _plan.ComputeJoulesPerState[i])), i), $"s{s}-node-{i}"))
                .ToArray();
            var links = new IActorRef?[k * k];
            for (var i = 0; i < k; i++)
            {
                for (var j = 0; j < k; j++)
                {
                    if (i != j)
                    {
                        links[(i * k) + j] = Context.ActorOf(_placement.Place(LinkActor.Props(i, j, _plan.RunSeed, _plan.Radio), i), $"s{s}-link-{i}-{j}");
                        links[(i * k) + j]!.Tell(new LinkWiring(nodes));
                    }
                }
            }

            var setup = new JesaCoordinatorSetup(
                spec.Label, spec.Create(settings.DepthScaledGamma, settings.ReferenceDepth, settings.Layers), settings.Layers, _plan.Options.Tokens,
                _plan.Radio, _plan.ComputeJoulesPerState, _plan.Pixels, _plan.Labels, _plan.RunSeed, nodes, links,
                _plan.Checkpoints.Resume?[s], _plan.Checkpoints.PauseAfter);
            var coordinator = Context.ActorOf(JesaCoordinatorActor.Props(setup), $"s{s}-coordinator");
            foreach (var node in nodes)
            {
                node.Tell(new NodeWiring(coordinator, links));
            }

            _schemeOf[coordinator] = s;
            coordinator.Tell(new RunScheme());
        }
    }

    /// <inheritdoc />
    // Stopped or restarted before every scheme finished (a failure, a lost node): the run fails instead of hanging.
    protected override void PostStop() => _outcome.TrySetException(new InvalidOperationException("the JESA run stopped before every scheme finished"));

    // Every scheme pauses after the same rounds; once all have, their progress is saved together and they go on.
    private void OnPaused(SchemePaused paused)
    {
        _paused[_schemeOf[Sender]] = paused.Progress;
        if (_paused.Any(p => p is null))
        {
            return;
        }

        if (_paused.Any(p => p!.Round != paused.Progress.Round))
        {
            _outcome.TrySetException(new InvalidOperationException($"schemes paused after different rounds: {string.Join(", ", _paused.Select(p => p!.Round))}"));
            return;
        }

        try
        {
            _plan.Checkpoints.Save(paused.Progress.Round, [.. _paused.Select(p => p!)]);
        }
        catch (Exception e)
        {
            _outcome.TrySetException(e);
            return;
        }

        Array.Clear(_paused);
        foreach (var coordinator in _schemeOf.Keys)
        {
            coordinator.Tell(new ContinueScheme());
        }
    }

    private void OnOutcome(SchemeOutcome outcome)
    {
        _outcomes[_schemeOf[Sender]] = outcome;
        _progress($"scheme {outcome.Label} done");
        if (++_finished == _outcomes.Length)
        {
            _outcome.TrySetResult([.. _outcomes.Select(o => o!)]);
        }
    }
}
