using Akka.Actor;
using EdgeMoE.Actors.Edge.Learning;
using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Actors.Edge.Ordering;
using EdgeMoE.Actors.Randomness;
using EdgeMoE.Models.Moe;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Actors.Edge.Routing;

/// <summary>
/// The router: scores each slot's tokens with its gate, asks the policy for the routing and frequencies, sends every
/// server its tokens through its channel, and aggregates outputs. The slot's J <see cref="ExpertOutputs"/> are held
/// until all are in and then aggregated in canonical order (virtual arrival, server index), never in delivery order.
/// A token is processed once all its K outputs arrived; the router then computes the cross-entropy of the processed
/// tokens, sends each server dL/d(its outputs) stamped with the slot's last output arrival, trains the gate and
/// reports the slot. It also measures test accuracy on request.
/// </summary>
public sealed class RouterActor : ReceiveActor
{
    private readonly RouterSettings _settings;
    private readonly RematerialisedNetwork _gate;
    private readonly IActorRef _policy;
    private readonly IActorRef _clock;
    private readonly Dictionary<long, InFlightToken> _inFlight = [];
    private readonly List<InFlightToken> _processed = [];
    private readonly SlotBarrier<ExpertOutputs> _outputs;
    private IReadOnlyList<IActorRef> _channels = [];
    private IReadOnlyList<IActorRef> _servers = [];
    private TokenBatch? _batch;
    private float[] _scores = [];
    private double _gatingConsistency;
    private double _objective;
    private PendingEvaluation? _evaluation;

    /// <param name="settings">Gate, K and test images.</param>
    /// <param name="policy">Decides each slot.</param>
    /// <param name="clock">Receives <see cref="RouterSlotReport"/> and <see cref="EvaluationReport"/>.</param>
    /// <param name="seed">The actor's generator (the gate's initial weights).</param>
    public RouterActor(RouterSettings settings, IActorRef policy, IActorRef clock, ActorSeed seed)
    {
        _settings = settings;
        _gate = RematerialisedNetwork.Gate(settings.TestSet.ImageSize, settings.Servers, settings.GateHidden, settings.GateLearningRate, seed.NewGenerator());
        _outputs = new SlotBarrier<ExpertOutputs>(settings.Servers, o => new CanonicalKey(o.ArrivesAt, o.Server, o.Slot));
        _policy = policy;
        _clock = clock;
        Receive<ConnectServers>(c => (_channels, _servers) = (c.Channels, c.Servers));
        Receive<TokenBatch>(Score);
        Receive<SlotDecision>(Dispatch);
        Receive<ExpertOutputs>(o =>
        {
            if (o.Slot != _batch?.Slot)
            {
                throw new InvalidOperationException($"outputs of server {o.Server} for slot {o.Slot} while the router is in slot {_batch?.Slot}");
            }

            if (_outputs.Add(o))
            {
                Aggregate(_outputs.Release());
            }
        });
        Receive<EvaluateModel>(Evaluate);
        Receive<EvaluationOutputs>(CollectEvaluation);
    }

    /// <summary>Props of a router (see the constructor).</summary>
    public static Props Props(RouterSettings settings, IActorRef policy, IActorRef clock, ActorSeed seed) =>
        Akka.Actor.Props.Create(() => new RouterActor(settings, policy, clock, seed));

    private int ImageSize => _settings.TestSet.ImageSize;

    private void Score(TokenBatch batch)
    {
        _batch = batch;
        _scores = _gate.Forward(batch.Pixels);
        _policy.Tell(new DecisionRequest(batch.Slot, new GatingScores(batch.TokenIds.Length, _settings.Servers, Array.ConvertAll(_scores, s => (double)s))));
    }

    private void Dispatch(SlotDecision decision)
    {
        var batch = _batch ?? throw new InvalidOperationException($"decision for slot {decision.Slot} before its tokens");
        var perServer = new List<int>[_settings.Servers];
        for (var j = 0; j < perServer.Length; j++)
        {
            perServer[j] = [];
        }

        _gatingConsistency = 0;
        _objective = decision.Objective;
        for (var i = 0; i < batch.TokenIds.Length; i++)
        {
            var experts = decision.Routing[i];
            _inFlight.Add(batch.TokenIds[i], new InFlightToken(batch.TokenIds[i], batch.Labels[i], batch.Pixels.AsMemory(i * ImageSize, ImageSize), experts));
            foreach (var j in experts)
            {
                perServer[j].Add(i);
                _gatingConsistency += _scores[(i * _settings.Servers) + j];
            }
        }

        for (var j = 0; j < perServer.Length; j++)
        {
            var tokens = perServer[j];
            var ids = new long[tokens.Count];
            var pixels = new float[tokens.Count * ImageSize];
            for (var k = 0; k < tokens.Count; k++)
            {
                ids[k] = batch.TokenIds[tokens[k]];
                batch.Pixels.AsSpan(tokens[k] * ImageSize, ImageSize).CopyTo(pixels.AsSpan(k * ImageSize));
            }

            // The policy decides in no virtual time, so the tokens leave when the batch arrived.
            _channels[j].Tell(new TokenDispatch(decision.Slot, j, ids, pixels, decision.FrequencyHz[j], batch.ArrivesAt, decision.CompletionCap?[j] ?? long.MaxValue));
        }
    }

    /// <summary>Aggregates one slot's outputs, given in canonical order, then learns at the last one's arrival.</summary>
    private void Aggregate(IReadOnlyList<ExpertOutputs> slotOutputs)
    {
        var classes = _settings.TestSet.Classes;
        foreach (var outputs in slotOutputs)
        {
            for (var k = 0; k < outputs.TokenIds.Length; k++)
            {
                var token = _inFlight[outputs.TokenIds[k]];
                if (token.Receive(outputs.Server, outputs.Outputs.AsSpan(k * classes, classes).ToArray()))
                {
                    _processed.Add(token);
                }
            }
        }

        var last = slotOutputs[^1];
        Learn(last.Slot, last.ArrivesAt);
    }

    private void Learn(long slot, TimeSpan at)
    {
        // Training in token order keeps the arithmetic independent of which server's outputs completed a token.
        _processed.Sort((a, b) => a.Id.CompareTo(b.Id));
        var pixels = new float[_processed.Count * ImageSize];
        var tokens = new MixtureLoss.Token[_processed.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            _processed[i].Image.Span.CopyTo(pixels.AsSpan(i * ImageSize));
            tokens[i] = new MixtureLoss.Token(_processed[i].Label, _processed[i].Experts, _processed[i].Outputs);
        }

        var result = MixtureLoss.Evaluate(tokens, _gate.Forward(pixels), _settings.Servers);
        _gate.Train(pixels, result.ScoreGradients);
        SendGradients(slot, result, at);
        foreach (var token in _processed)
        {
            _inFlight.Remove(token.Id);
        }

        _clock.Tell(new RouterSlotReport(slot, _batch!.TokenIds.Length, _processed.Count, result.Loss, _gatingConsistency, _objective, at));
        _processed.Clear();
        _batch = null;
    }

    private void SendGradients(long slot, MixtureLoss.Result result, TimeSpan at)
    {
        for (var j = 0; j < _settings.Servers; j++)
        {
            var ids = new List<long>();
            var gradients = new List<float>();
            for (var i = 0; i < _processed.Count; i++)
            {
                var position = Array.IndexOf(_processed[i].Experts, j);
                if (position >= 0)
                {
                    ids.Add(_processed[i].Id);
                    gradients.AddRange(result.OutputGradients[i][position]);
                }
            }

            _channels[j].Tell(new OutputGradients(slot, j, [.. ids], [.. gradients], at));
        }
    }

    private void Evaluate(EvaluateModel request)
    {
        var test = _settings.TestSet;
        var indices = request.FullTestSet ? Enumerable.Range(0, test.Count).ToArray() : _settings.EvaluationSubset;
        var pixels = new float[indices.Length * ImageSize];
        var labels = new int[indices.Length];
        test.Gather(indices, pixels, labels);
        var scores = _gate.Forward(pixels);
        var chosen = GatingNetwork.TopK(scores, _settings.Servers, Math.Min(_settings.ExpertsPerToken, _settings.Servers));
        for (var i = 0; i < chosen.Length; i++)
        {
            Array.Sort(chosen[i]);
        }

        var evaluation = new PendingEvaluation(request.Slot, Sender, labels, scores, chosen, new float[_settings.Servers][]);
        var perServer = new int[_settings.Servers];
        foreach (var experts in chosen)
        {
            foreach (var j in experts)
            {
                perServer[j]++;
            }
        }

        for (var j = 0; j < _settings.Servers; j++)
        {
            // Each server gets the images routed to it, in test-set order, in one exactly sized buffer.
            var mine = new float[perServer[j] * ImageSize];
            var filled = 0;
            for (var i = 0; i < chosen.Length; i++)
            {
                if (Array.IndexOf(chosen[i], j) >= 0)
                {
                    pixels.AsSpan(i * ImageSize, ImageSize).CopyTo(mine.AsSpan(filled * ImageSize));
                    filled++;
                }
            }

            _servers[j].Tell(new EvaluationRequest(request.Slot, mine));
        }

        _evaluation = evaluation;
    }

    private void CollectEvaluation(EvaluationOutputs outputs)
    {
        var evaluation = _evaluation ?? throw new InvalidOperationException("evaluation outputs without a request");
        evaluation.Outputs[outputs.Server] = outputs.Outputs;
        if (Array.Exists(evaluation.Outputs, o => o is null))
        {
            return;
        }

        _evaluation = null;
        evaluation.ReplyTo.Tell(new EvaluationReport(evaluation.Slot, evaluation.Accuracy(_settings.Servers, _settings.TestSet.Classes)));
    }
}
