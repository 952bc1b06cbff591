using Akka.Actor;
using EdgeMoE.Actors.Jesa.Links;
using EdgeMoE.Actors.Jesa.Messages;
using EdgeMoE.Models.Randomness;
using EdgeMoE.Policies.Jesa;
using EdgeMoE.Policies.Jesa.Schemes;

namespace EdgeMoE.Actors.Jesa.Coordination;

/// <summary>
/// The edge server of the DMoE protocol (§III-C) for one scheme: each round gives every expert node one query; each
/// layer round it gathers the nodes' gate scores and the links' CSI, runs the scheme (α and β), hands out the
/// allocation and waits until every node has aggregated its layer. Rounds and layers are barriers, and inputs are
/// used in node and link order, so the outcome does not depend on delivery order.
/// </summary>
public sealed class JesaCoordinatorActor : ReceiveActor
{
    private readonly JesaCoordinatorSetup _setup;
    private readonly int _experts;
    private readonly GateReport?[] _gates;
    private readonly LayerDone?[] _done;
    private readonly double[]?[] _gains;
    private readonly double[] _communicationJ;
    private readonly double[] _computationJ;
    private readonly long[][] _chosen;
    private IActorRef _requester = ActorRefs.Nobody;
    private int _round;
    private int _layer;
    private int _gatesIn;
    private int _csiIn;
    private int _doneIn;
    private int _correct;
    private long _fallbacks;

    /// <summary>A coordinator for <paramref name="setup"/>.</summary>
    public JesaCoordinatorActor(JesaCoordinatorSetup setup)
    {
        _setup = setup;
        _experts = setup.Nodes.Length;
        _gates = new GateReport?[_experts];
        _done = new LayerDone?[_experts];
        _gains = new double[]?[_experts * _experts];
        _communicationJ = new double[setup.Layers];
        _computationJ = new double[setup.Layers];
        _chosen = Enumerable.Range(0, setup.Layers).Select(_ => new long[_experts]).ToArray();
        if (setup.Resume is { } resume)
        {
            Restore(resume);
        }

        Receive<ContinueScheme>(_ => StartLayer());
        Receive<RunScheme>(_ =>
        {
            _requester = Sender;
            foreach (var participant in setup.Nodes.Concat(setup.Links.OfType<IActorRef>()))
            {
                Context.Watch(participant);
            }

            StartLayer();
        });
        // A node or link that failed is stopped (the system's guardian stops failed actors): the scheme fails, never hangs.
        Receive<Terminated>(t => _requester.Tell(new Status.Failure(new InvalidOperationException(
            $"scheme {setup.Label}: {t.ActorRef.Path.Name} stopped in round {_round}, layer {_layer + 1}"))));
        Receive<GateReport>(OnGate);
        Receive<LinkCsi>(OnCsi);
        Receive<LayerDone>(OnLayerDone);
    }

    /// <summary>Props of a coordinator.</summary>
    public static Props Props(JesaCoordinatorSetup setup) => Akka.Actor.Props.Create(() => new JesaCoordinatorActor(setup));

    private int Rounds => _setup.Labels.Length / _experts;

    private void StartLayer()
    {
        (_gatesIn, _csiIn, _doneIn) = (0, 0, 0);
        for (var i = 0; i < _experts; i++)
        {
            var query = (_round * _experts) + i;
            _setup.Nodes[i].Tell(_layer == 0
                ? new StartLayer(_round, 0, _setup.Pixels[query], _setup.Labels[query])
                : new StartLayer(_round, _layer, null, -1));
        }

        foreach (var link in _setup.Links)
        {
            link?.Tell(new MeasureLink(_round, _layer));
        }
    }

    private void OnGate(GateReport report)
    {
        _gates[report.Node] = report;
        _gatesIn++;
        TrySolve();
    }

    private void OnCsi(LinkCsi csi)
    {
        _gains[(csi.From * _experts) + csi.To] = csi.Gains;
        _csiIn++;
        TrySolve();
    }

    private void TrySolve()
    {
        if (_gatesIn < _experts || _csiIn < _experts * (_experts - 1))
        {
            return;
        }

        var radio = _setup.Radio;
        var none = new double[radio.Subcarriers];
        var gains = Enumerable.Range(0, _experts)
            .Select(i => Enumerable.Range(0, _experts).Select(j => i == j ? none : _gains[(i * _experts) + j]!).ToArray())
            .ToArray();
        var network = JesaNetwork.FromGains(radio.SpacingHz, radio.PowerW, radio.NoiseW, gains, radio.HiddenStateBits, _setup.ComputeJoulesPerState);
        var scores = _gates.Select(g => g!.Scores).ToArray();
        var seed = unchecked((int)StableHash.Mix64(((ulong)(uint)_setup.RunSeed << 32) ^ ((ulong)(uint)_round << 8) ^ (uint)_layer));
        var solution = _setup.Scheme.Solve(network, scores, _layer + 1, seed);
        _fallbacks += solution.FallbackHiddenStates;
        for (var i = 0; i < _experts; i++)
        {
            var selection = solution.Selection[i];
            var senders = new List<int>();
            for (var s = 0; s < _experts; s++)
            {
                if (s != i && solution.Selection[s].Any(chosen => chosen.Contains(i)))
                {
                    senders.Add(s);
                }
            }

            foreach (var chosen in selection)
            {
                foreach (var j in chosen)
                {
                    _chosen[_layer][j]++;
                }
            }

            _setup.Nodes[i].Tell(new Allocation(_round, _layer, selection, solution.SubcarrierOfLink[i], [.. senders]));
        }
    }

    private void OnLayerDone(LayerDone done)
    {
        _done[done.Node] = done;
        if (++_doneIn < _experts)
        {
            return;
        }

        // Summed in node order, not arrival order, so the floating-point totals are the same in every run.
        foreach (var report in _done)
        {
            _communicationJ[report!.Layer] += report.CommunicationJ;
            _computationJ[report.Layer] += report.ComputationJ;
            _correct += report.Correct ? 1 : 0;
        }

        Array.Clear(_done);
        Array.Clear(_gates);
        Array.Clear(_gains);
        if (++_layer == _setup.Layers)
        {
            _layer = 0;
            if (++_round == Rounds)
            {
                var queries = _setup.Labels.Length;
                _requester.Tell(new SchemeOutcome(_setup.Label, queries, _correct, (long)queries * _setup.Tokens, _communicationJ, _computationJ, _chosen, _fallbacks));
                return;
            }

            if (_setup.PauseAfter(_round))
            {
                // The run's root saves every scheme's progress at this round, then sends ContinueScheme.
                _requester.Tell(new SchemePaused(new SchemeProgress(_round, _correct, _fallbacks, [.. _communicationJ], [.. _computationJ], [.. _chosen.Select(c => (long[])c.Clone())])));
                return;
            }
        }

        StartLayer();
    }

    private void Restore(SchemeProgress progress)
    {
        if (progress.Round >= Rounds || progress.CommunicationJ.Length != _setup.Layers || progress.ComputationJ.Length != _setup.Layers
            || progress.Chosen.Length != _setup.Layers || progress.Chosen.Any(c => c.Length != _experts))
        {
            throw new ArgumentException($"scheme {_setup.Label}: the progress to resume from does not fit {Rounds} rounds, {_setup.Layers} layers and {_experts} experts");
        }

        (_round, _correct, _fallbacks) = (progress.Round, progress.Correct, progress.Fallbacks);
        progress.CommunicationJ.CopyTo(_communicationJ, 0);
        progress.ComputationJ.CopyTo(_computationJ, 0);
        for (var l = 0; l < _setup.Layers; l++)
        {
            progress.Chosen[l].CopyTo(_chosen[l], 0);
        }
    }
}

/// <summary>Everything a <see cref="JesaCoordinatorActor"/> runs with.</summary>
/// <param name="Label">The scheme's label.</param>
/// <param name="Scheme">The allocation scheme.</param>
/// <param name="Layers">L.</param>
/// <param name="Tokens">Hidden states per query.</param>
/// <param name="Radio">The links' radio.</param>
/// <param name="ComputeJoulesPerState">a_j per expert, J per hidden state.</param>
/// <param name="Pixels">The queries' images, a multiple of K of them; round r gives node i query r·K + i.</param>
/// <param name="Labels">Their labels.</param>
/// <param name="RunSeed">Seeds the JESA's initial assignments.</param>
/// <param name="Nodes">The K expert nodes.</param>
/// <param name="Links">Links [i·K + j], null on the diagonal.</param>
/// <param name="Resume">The progress to continue from (rounds already done), or null to start at round 0.</param>
/// <param name="Pause">Whether to pause for a checkpoint after the given number of rounds done (never after the last); null: never.</param>
public sealed record JesaCoordinatorSetup(
    string Label,
    SelectionScheme Scheme,
    int Layers,
    int Tokens,
    JesaRadio Radio,
    double[] ComputeJoulesPerState,
    float[][] Pixels,
    int[] Labels,
    int RunSeed,
    IActorRef[] Nodes,
    IActorRef?[] Links,
    SchemeProgress? Resume = null,
    Func<int, bool>? Pause = null)
{
    /// <summary>Whether to pause after <paramref name="rounds"/> rounds done.</summary>
    public bool PauseAfter(int rounds) => Pause?.Invoke(rounds) ?? false;
}
