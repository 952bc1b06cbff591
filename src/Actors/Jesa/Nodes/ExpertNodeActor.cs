using Akka.Actor;
using EdgeMoE.Actors.Jesa.Messages;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Vit;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgeMoE.Actors.Jesa.Nodes;

/// <summary>
/// Expert node i (eq. 6): holds the shared blocks of every layer (embedding, attention, gate, head) and its own FFN_i
/// of every layer. As a source it runs attention and the gate on its query, sends each hidden state to the experts
/// the coordinator chose and aggregates their outputs by eq. 8; as an expert it computes FFN_i on the hidden states
/// it receives, in sender order once all have arrived, and sends the results back.
/// </summary>
public sealed class ExpertNodeActor : ReceiveActor
{
    private readonly int _index;
    private readonly MoeVit _model;
    private readonly double _computeJoulesPerState;
    private readonly int _dim;
    private IActorRef _coordinator = ActorRefs.Nobody;
    private IActorRef?[] _links = [];

    // The query's residual stream x [T·d] and this layer's hidden states u [T·d] and scores [T][K].
    private float[] _residual = [];
    private float[] _hidden = [];
    private double[][] _scores = [];
    private int _label;

    // One layer's exchange: the allocation, inputs received as expert, outputs received as source.
    private Allocation? _allocation;
    private readonly SortedDictionary<int, DeliveredHiddenStates> _inputs = [];
    private readonly SortedDictionary<int, ExpertOutputs> _outputs = [];
    private int _expectedOutputs;
    private bool _expertDone;
    private double _communicationJ;
    private double _computationJ;

    /// <summary>Node <paramref name="index"/> running <paramref name="model"/>'s blocks and its FFN_index.</summary>
    /// <param name="index">i, 0-based.</param>
    /// <param name="model">The node's own copy of the network (only expert <paramref name="index"/> of each layer is run).</param>
    /// <param name="computeJoulesPerState">a_i, J per hidden state computed.</param>
    public ExpertNodeActor(int index, MoeVit model, double computeJoulesPerState)
    {
        (_index, _model, _computeJoulesPerState) = (index, model, computeJoulesPerState);
        _dim = model.Options.Dim;
        Receive<NodeWiring>(w => (_coordinator, _links) = (w.Coordinator, w.Links));
        Receive<StartLayer>(OnStartLayer);
        Receive<Allocation>(OnAllocation);
        Receive<DeliveredHiddenStates>(OnDelivered);
        Receive<ExpertOutputs>(OnOutputs);
    }

    /// <summary>Node <paramref name="setup"/>.Index, loading its own copy of the weights where it runs.</summary>
    public ExpertNodeActor(ExpertNodeSetup setup)
        : this(setup.Index, MoeVitTraining.Load(setup.WeightsPath, setup.Options), setup.ComputeJoulesPerState)
    {
    }

    /// <summary>Props of node <paramref name="index"/>.</summary>
    public static Props Props(int index, MoeVit model, double computeJoulesPerState) =>
        Akka.Actor.Props.Create(() => new ExpertNodeActor(index, model, computeJoulesPerState));

    /// <summary>Props of the node <paramref name="setup"/> describes; its arguments cross nodes, so it can be remote-deployed.</summary>
    public static Props Props(ExpertNodeSetup setup) => Akka.Actor.Props.Create(() => new ExpertNodeActor(setup));

    /// <inheritdoc />
    protected override void PostStop() => _model.Dispose();

    private void OnStartLayer(StartLayer start)
    {
        TorchThreads.ApplyToCallingThread();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var tokens = _model.Options.Tokens;
        var layer = _model.Layer(start.Layer);
        Tensor x;
        if (start.Pixels is { } pixels)
        {
            _label = start.Label;
            var side = _model.Options.ImageSide;
            x = _model.Embed(TensorInput.Floats(pixels, 1, 1, side, side));
        }
        else
        {
            x = TensorInput.Floats(_residual, 1, tokens, _dim);
        }

        var (residual, hidden) = layer.Attend(x);
        var scores = layer.Scores(hidden.reshape(tokens, _dim));
        _residual = TensorInput.ToArray(residual);
        _hidden = TensorInput.ToArray(hidden);
        var flat = TensorInput.ToArray(scores);
        var experts = _model.Options.Experts;
        _scores = Enumerable.Range(0, tokens).Select(n => Enumerable.Range(0, experts).Select(j => (double)flat[(n * experts) + j]).ToArray()).ToArray();
        _inputs.Clear();
        _outputs.Clear();
        (_allocation, _expertDone, _communicationJ, _computationJ) = (null, false, 0, 0);
        _coordinator.Tell(new GateReport(_index, start.Round, start.Layer, _scores));
    }

    private void OnAllocation(Allocation allocation)
    {
        _allocation = allocation;
        var experts = _model.Options.Experts;
        var targets = new List<int>[experts];
        for (var n = 0; n < allocation.Selection.Length; n++)
        {
            foreach (var j in allocation.Selection[n])
            {
                (targets[j] ??= []).Add(n);
            }
        }

        _expectedOutputs = targets.Count(t => t is not null);
        for (var j = 0; j < experts; j++)
        {
            if (targets[j] is { } tokens && j != _index)
            {
                _links[(_index * experts) + j]!.Tell(new ForwardHiddenStates(_index, j, allocation.Round, allocation.Layer, allocation.SubcarrierTo[j], [.. tokens], Gather(tokens)));
            }
        }

        // In-situ inference: the node's own hidden states for FFN_i travel no link (i = j).
        if (targets[_index] is { } own)
        {
            _inputs[_index] = new DeliveredHiddenStates(_index, _index, allocation.Round, allocation.Layer, [.. own], Gather(own), 0);
        }

        TryCompute();
    }

    private void OnDelivered(DeliveredHiddenStates delivered)
    {
        _inputs[delivered.From] = delivered;
        TryCompute();
    }

    /// <summary>As expert: once the allocation and every sender's hidden states are in, FFN_i on all of them in sender order.</summary>
    private void TryCompute()
    {
        if (_allocation is not { } allocation || _expertDone)
        {
            return;
        }

        var fromOthers = _inputs.Keys.Count(k => k != _index);
        if (fromOthers < allocation.Senders.Length)
        {
            return;
        }

        _expertDone = true;
        var batches = _inputs.Values.ToArray();
        var total = batches.Sum(b => b.Tokens.Length);
        if (total > 0)
        {
            var outputs = ComputeExpert(batches, total);
            var offset = 0;
            foreach (var batch in batches)
            {
                var size = batch.Tokens.Length * _dim;
                var slice = outputs.AsSpan(offset, size).ToArray();
                offset += size;
                _communicationJ += batch.CommunicationJ;
                var result = new ExpertOutputs(_index, batch.From, allocation.Round, allocation.Layer, batch.Tokens, slice);
                if (batch.From == _index)
                {
                    _outputs[_index] = result;
                }
                else
                {
                    _links[(_index * _model.Options.Experts) + batch.From]!.Tell(result);
                }
            }

            _computationJ = _computeJoulesPerState * total;
        }

        TryAggregate();
    }

    private float[] ComputeExpert(DeliveredHiddenStates[] batches, int total)
    {
        TorchThreads.ApplyToCallingThread();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var states = new float[total * _dim];
        var offset = 0;
        foreach (var batch in batches)
        {
            batch.States.CopyTo(states, offset);
            offset += batch.States.Length;
        }

        var layer = _model.Layer(_allocation!.Layer);
        return TensorInput.ToArray(layer.Experts.Single(_index, TensorInput.Floats(states, total, _dim)));
    }

    private void OnOutputs(ExpertOutputs outputs)
    {
        _outputs[outputs.Expert] = outputs;
        TryAggregate();
    }

    /// <summary>As source: once every chosen expert answered and the node's expert work is done, eq. 8 and report.</summary>
    private void TryAggregate()
    {
        if (_allocation is not { } allocation || !_expertDone || _outputs.Count < _expectedOutputs)
        {
            return;
        }

        var next = (float[])_residual.Clone();
        var tokens = _model.Options.Tokens;
        var weightSums = new double[tokens];
        for (var n = 0; n < tokens; n++)
        {
            foreach (var j in allocation.Selection[n])
            {
                weightSums[n] += _scores[n][j];
            }
        }

        // Experts in ascending order, tokens in query order: the same float additions in every run.
        foreach (var (expert, result) in _outputs)
        {
            for (var r = 0; r < result.Tokens.Length; r++)
            {
                var n = result.Tokens[r];
                if (weightSums[n] <= 0)
                {
                    continue;
                }

                var weight = (float)(_scores[n][expert] / weightSums[n]);
                for (var c = 0; c < _dim; c++)
                {
                    next[(n * _dim) + c] += weight * result.Outputs[(r * _dim) + c];
                }
            }
        }

        _residual = next;
        var correct = allocation.Layer == _model.Options.Layers - 1 && Classify() == _label;
        _allocation = null;
        _coordinator.Tell(new LayerDone(_index, allocation.Round, allocation.Layer, _communicationJ, _computationJ, correct));
    }

    private int Classify()
    {
        TorchThreads.ApplyToCallingThread();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var logits = _model.Classify(TensorInput.Floats(_residual, 1, _model.Options.Tokens, _dim));
        return (int)logits.argmax(1).item<long>();
    }

    private float[] Gather(List<int> tokens)
    {
        var states = new float[tokens.Count * _dim];
        for (var r = 0; r < tokens.Count; r++)
        {
            Array.Copy(_hidden, tokens[r] * _dim, states, r * _dim, _dim);
        }

        return states;
    }
}
