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
    private IActorRef[] _channels = [];
    private IActorRef[] _servers = [];
    private TokenBatch? _batch;
    private float[] _scores = [];
    private double _gatingConsistency;
    private double _objective;
    private PendingEvaluation? _evaluation;
    private bool[] _down;
    private int[] _incarnation;
    private List<InFlightToken>[] _copies;
    private readonly List<InFlightToken> _completedByFailure = [];
    private int _rerouted;
    private int _unassigned;
    private bool _dispatched;

    /// <param name="settings">Gate, K and test images.</param>
    /// <param name="policy">Decides each slot.</param>
    /// <param name="clock">Receives <see cref="RouterSlotReport"/> and <see cref="EvaluationReport"/>.</param>
    /// <param name="seed">The actor's generator (the gate's initial weights).</param>
    /// <param name="restore">The state to continue from (a checkpoint's), or null for a fresh router.</param>
    public RouterActor(RouterSettings settings, IActorRef policy, IActorRef clock, ActorSeed seed, ActorSnapshot? restore = null)
    {
        _settings = settings;
        _gate = RematerialisedNetwork.Gate(settings.TestSet.ImageSize, settings.Servers, settings.GateHidden, settings.GateLearningRate, seed.NewGenerator());
        _outputs = new SlotBarrier<ExpertOutputs>(settings.Servers, o => new CanonicalKey(o.ArrivesAt, o.Server, o.Slot));
        _policy = policy;
        _clock = clock;
        _down = new bool[settings.Servers];
        _incarnation = new int[settings.Servers];
        _copies = [.. Enumerable.Range(0, settings.Servers).Select(_ => new List<InFlightToken>())];
        Receive<ConnectServers>(c => (_channels, _servers) = ([.. c.Channels], [.. c.Servers]));
        Receive<SlotAvailability>(Availability);
        Receive<ServersLostInSlot>(LostInSlot);
        Receive<TokenBatch>(Score);
        Receive<SlotDecision>(Dispatch);
        Receive<ExpertOutputs>(o =>
        {
            if (o.Slot != _batch?.Slot)
            {
                throw new InvalidOperationException($"outputs of server {o.Server} for slot {o.Slot} while the router is in slot {_batch?.Slot}");
            }

            // Outputs of a server already given up in this slot come too late: its tokens are routed again.
            if (!_outputs.IsExcluded(o.Server) && _outputs.Add(o))
            {
                Aggregate(_outputs.Release());
            }
        });
        Receive<EvaluateModel>(Evaluate);
        Receive<EvaluationOutputs>(CollectEvaluation);
        Receive<CaptureState>(c => Sender.Tell(Snapshot(c.Slot)));
        if (restore is not null)
        {
            SnapshotCodec.Restore(restore, Context.System, ImageSize, (r, images) => Restore(r, images, restore.Tensors));
        }
    }

    /// <summary>The router's stable name in snapshots.</summary>
    public const string SnapshotName = "router";

    /// <summary>Props of a router (see the constructor).</summary>
    public static Props Props(RouterSettings settings, IActorRef policy, IActorRef clock, ActorSeed seed, ActorSnapshot? restore = null) =>
        Akka.Actor.Props.Create(() => new RouterActor(settings, policy, clock, seed, restore));

    /// <summary>
    /// Between slots the router holds the tokens still waiting for outputs (in their dictionary order, which a restore
    /// keeps; each image as its training-set index), copies to route again, which servers are down and their
    /// incarnations, and its gate with Adam.
    /// </summary>
    private ActorSnapshot Snapshot(long slot) => SnapshotCodec.Take(slot, SnapshotName, (w, images) =>
    {
        if (_batch is not null || _evaluation is not null || _processed.Count > 0 || _completedByFailure.Count > 0)
        {
            throw new InvalidOperationException($"router asked for its state in the middle of slot {slot}");
        }

        w.WriteInts([.. _down.Select(d => d ? 1 : 0)]);
        w.WriteInts(_incarnation);
        w.WriteVarInt(_unassigned);
        w.WriteCount(_inFlight.Count);
        foreach (var token in _inFlight.Values)
        {
            w.WriteVarInt(token.Id);
            w.WriteVarInt(token.Label);
            images.Add(token.ImageIndex);
            w.WriteInts(token.Experts);
            for (var k = 0; k < token.Experts.Length; k++)
            {
                w.WriteOptional(token.OutputAt(k), (w, o) => w.WriteFloats(o));
                w.WriteVarInt(token.IncarnationAt(k));
            }
        }

        foreach (var copies in _copies)
        {
            w.WriteLongs([.. copies.Select(t => t.Id)]);
        }

        return NetworkCheckpoint.Save(_gate, w);
    });

    private void Restore(Cluster.Wire.WireReader r, SnapshotImageSource images, IReadOnlyList<NamedTensor> tensors)
    {
        _down = [.. r.ReadInts().Select(d => d != 0)];
        _incarnation = r.ReadInts();
        _unassigned = r.ReadInt();
        for (var count = r.ReadCount(); count > 0; count--)
        {
            var id = r.ReadVarInt();
            var label = r.ReadInt();
            var (index, image) = images.Next();
            var experts = r.ReadInts();
            var outputs = new float[]?[experts.Length];
            var incarnations = new int[experts.Length];
            for (var k = 0; k < experts.Length; k++)
            {
                outputs[k] = r.ReadOptional(r => r.ReadFloats());
                incarnations[k] = r.ReadInt();
            }

            _inFlight.Add(id, InFlightToken.Restored(id, label, index, image, experts, outputs, incarnations));
        }

        foreach (var copies in _copies)
        {
            copies.AddRange(r.ReadLongs().Select(id => _inFlight[id]));
        }

        NetworkCheckpoint.Restore(_gate, r, tensors);
    }

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
            _inFlight.Add(batch.TokenIds[i], new InFlightToken(batch.TokenIds[i], batch.Labels[i], batch.ImageIndices[i], batch.Pixels.AsMemory(i * ImageSize, ImageSize), experts));
            _unassigned += experts.Length == 0 ? 1 : 0;
            foreach (var j in experts)
            {
                perServer[j].Add(i);
                _gatingConsistency += _scores[(i * _settings.Servers) + j];
            }
        }

        for (var j = 0; j < perServer.Length; j++)
        {
            if (_down[j])
            {
                // Lost after the policy decided: its copies wait for the next slot, which routes them again.
                _copies[j].Clear();
                continue;
            }

            // Copies routed again (older tokens) queue ahead of the slot's new tokens.
            var again = _copies[j];
            var tokens = perServer[j];
            var ids = new long[again.Count + tokens.Count];
            var indices = new int[ids.Length];
            var pixels = new float[ids.Length * ImageSize];
            for (var k = 0; k < again.Count; k++)
            {
                ids[k] = again[k].Id;
                indices[k] = again[k].ImageIndex;
                again[k].Image.Span.CopyTo(pixels.AsSpan(k * ImageSize));
            }

            for (var k = 0; k < tokens.Count; k++)
            {
                ids[again.Count + k] = batch.TokenIds[tokens[k]];
                indices[again.Count + k] = batch.ImageIndices[tokens[k]];
                batch.Pixels.AsSpan(tokens[k] * ImageSize, ImageSize).CopyTo(pixels.AsSpan((again.Count + k) * ImageSize));
            }

            again.Clear();
            // The policy decides in no virtual time, so the tokens leave when the batch arrived.
            _channels[j].Tell(new TokenDispatch(decision.Slot, j, ids, indices, pixels, decision.FrequencyHz[j], batch.ArrivesAt, decision.CompletionCap?[j] ?? long.MaxValue));
        }

        _dispatched = true;
        if (_outputs.IsComplete)
        {
            // Every server is down: nothing will come back this slot.
            Aggregate(_outputs.Release());
        }
    }

    /// <summary>
    /// The start of a slot: takes in recovered servers' fresh actors, stops waiting for the servers that are down, and
    /// routes again every copy that waited for a server that went down (before this slot's tokens are scored).
    /// </summary>
    private void Availability(SlotAvailability availability)
    {
        foreach (var replaced in availability.Replaced)
        {
            _channels[replaced.Server] = replaced.Channel;
            _servers[replaced.Server] = replaced.ExpertServer;
            _incarnation[replaced.Server]++;
        }

        _down = [.. availability.Down];
        _dispatched = false;
        _rerouted = 0;
        for (var j = 0; j < _down.Length; j++)
        {
            if (_down[j])
            {
                _outputs.Exclude(j);
            }
        }

        Reroute(availability.NewlyDown);
    }

    /// <summary>
    /// Each copy that waits for a server in <paramref name="failed"/> goes to the available server with the highest
    /// gate score among those the token does not use yet (ties: the lower index); with none left the copy is given up.
    /// Tokens with no server at all are assigned their top available ones. Tokens go in ascending order.
    /// </summary>
    private void Reroute(int[] failed)
    {
        if (failed.Length == 0 && _unassigned == 0)
        {
            return;
        }

        var affected = _inFlight.Values
            .Where(t => t.IsUnassigned || Array.Exists(failed, t.AwaitsFrom))
            .OrderBy(t => t.Id)
            .ToArray();
        var available = Enumerable.Range(0, _settings.Servers).Count(j => !_down[j]);
        if (affected.Length == 0 || (available == 0 && !Array.Exists(affected, t => !t.IsUnassigned)))
        {
            return;
        }

        // The gate scores the affected tokens again (no stored copy of J scores per token): same weights, same scores.
        var pixels = new float[affected.Length * ImageSize];
        for (var i = 0; i < affected.Length; i++)
        {
            affected[i].Image.Span.CopyTo(pixels.AsSpan(i * ImageSize));
        }

        var scores = _gate.Forward(pixels);
        for (var i = 0; i < affected.Length; i++)
        {
            var token = affected[i];
            var row = scores.AsSpan(i * _settings.Servers, _settings.Servers);
            if (token.IsUnassigned)
            {
                var count = Math.Min(_settings.ExpertsPerToken, available);
                if (count > 0)
                {
                    token.Assign(Best(row, [], count));
                    _unassigned--;
                    foreach (var j in token.Experts)
                    {
                        _copies[j].Add(token);
                    }
                }

                continue;
            }

            foreach (var j in failed)
            {
                if (!token.AwaitsFrom(j))
                {
                    continue;
                }

                var replacement = Best(row, token.Experts, 1);
                if (replacement.Length == 1)
                {
                    token.Replace(j, replacement[0]);
                    _copies[replacement[0]].Add(token);
                }
                else
                {
                    token.Drop(j);
                }
            }

            // A token whose copies were all given up (no server up) stays unassigned and waits for one.
            _rerouted++;
            if (token.IsComplete)
            {
                _completedByFailure.Add(token);
            }
            else if (token.IsUnassigned)
            {
                _unassigned++;
            }
        }
    }

    /// <summary>The <paramref name="count"/> available servers outside <paramref name="taken"/> with the highest scores, ascending.</summary>
    private int[] Best(ReadOnlySpan<float> scores, int[] taken, int count)
    {
        var candidates = new List<int>();
        for (var j = 0; j < scores.Length; j++)
        {
            if (!_down[j] && Array.IndexOf(taken, j) < 0)
            {
                candidates.Add(j);
            }
        }

        var row = scores.ToArray();
        return [.. candidates.OrderByDescending(j => row[j]).ThenBy(j => j).Take(count).Order()];
    }

    /// <summary>Servers lost during the slot: their outputs will not come, so the slot stops waiting for them.</summary>
    private void LostInSlot(ServersLostInSlot lost)
    {
        foreach (var j in lost.Servers)
        {
            _down[j] = true;
            _outputs.Exclude(j);
            if (_evaluation is { } evaluation && evaluation.Outputs[j] is null)
            {
                // A lost expert answers nothing: its images count with zero logits from it.
                evaluation.Outputs[j] = new float[evaluation.ImagesFor(j) * _settings.TestSet.Classes];
            }
        }

        if (_dispatched && _batch is not null && _outputs.IsComplete)
        {
            Aggregate(_outputs.Release());
        }

        TryReportEvaluation();
    }

    /// <summary>Aggregates one slot's outputs, given in canonical order, then learns at the last one's arrival.</summary>
    private void Aggregate(IReadOnlyList<ExpertOutputs> slotOutputs)
    {
        var classes = _settings.TestSet.Classes;
        _processed.AddRange(_completedByFailure);
        _completedByFailure.Clear();
        foreach (var outputs in slotOutputs)
        {
            for (var k = 0; k < outputs.TokenIds.Length; k++)
            {
                var token = _inFlight[outputs.TokenIds[k]];
                if (token.Receive(outputs.Server, outputs.Outputs.AsSpan(k * classes, classes).ToArray(), _incarnation[outputs.Server]))
                {
                    _processed.Add(token);
                }
            }
        }

        var batch = _batch!;
        if (slotOutputs.Count == 0)
        {
            Learn(batch.Slot, batch.ArrivesAt);
            return;
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

        _clock.Tell(new RouterSlotReport(slot, _batch!.TokenIds.Length, _processed.Count, result.Loss, _gatingConsistency, _objective, at, Tokens()));
        _processed.Clear();
        _batch = null;
    }

    /// <summary>Where the unprocessed tokens stand: every copy still waiting for an output, by token then server.</summary>
    private RouterTokens Tokens()
    {
        var ids = new List<long>();
        var servers = new List<int>();
        foreach (var token in _inFlight.Values)
        {
            foreach (var j in token.Missing())
            {
                ids.Add(token.Id);
                servers.Add(j);
            }
        }

        // By token, then server (a token's missing servers come ascending already): the order the clock reads them in.
        var waitingTokens = ids.ToArray();
        var waitingServers = servers.ToArray();
        Array.Sort(waitingTokens, waitingServers);
        return new RouterTokens(_inFlight.Count, _rerouted, _unassigned, waitingTokens, waitingServers);
    }

    private void SendGradients(long slot, MixtureLoss.Result result, TimeSpan at)
    {
        for (var j = 0; j < _settings.Servers; j++)
        {
            if (_down[j])
            {
                // A server that is down gets nothing; its link closes no slot.
                continue;
            }

            var ids = new List<long>();
            var gradients = new List<float>();
            for (var i = 0; i < _processed.Count; i++)
            {
                var position = Array.IndexOf(_processed[i].Experts, j);
                // Only the incarnation that computed the output learns from it: a recovered server starts afresh.
                if (position >= 0 && _processed[i].IncarnationAt(position) == _incarnation[j])
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
        var available = Enumerable.Range(0, _settings.Servers).Count(j => !_down[j]);
        if (available == 0)
        {
            // No expert is up to answer: the model cannot classify anything.
            Sender.Tell(new EvaluationReport(request.Slot, 0));
            return;
        }

        // Servers that are down are not asked: the gate picks its top K among those that are up.
        var eligible = scores;
        if (available < _settings.Servers)
        {
            eligible = [.. scores];
            for (var i = 0; i < labels.Length; i++)
            {
                for (var j = 0; j < _settings.Servers; j++)
                {
                    if (_down[j])
                    {
                        eligible[(i * _settings.Servers) + j] = float.NegativeInfinity;
                    }
                }
            }
        }

        var chosen = GatingNetwork.TopK(eligible, _settings.Servers, Math.Min(_settings.ExpertsPerToken, available));
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

            if (_down[j])
            {
                evaluation.Outputs[j] = [];
                continue;
            }

            _servers[j].Tell(new EvaluationRequest(request.Slot, mine));
        }

        _evaluation = evaluation;
        TryReportEvaluation();
    }

    private void CollectEvaluation(EvaluationOutputs outputs)
    {
        var evaluation = _evaluation ?? throw new InvalidOperationException("evaluation outputs without a request");
        // A server given up as lost may still answer; its place was already filled.
        evaluation.Outputs[outputs.Server] ??= outputs.Outputs;
        TryReportEvaluation();
    }

    private void TryReportEvaluation()
    {
        if (_evaluation is not { } evaluation || Array.Exists(evaluation.Outputs, o => o is null))
        {
            return;
        }

        _evaluation = null;
        evaluation.ReplyTo.Tell(new EvaluationReport(evaluation.Slot, evaluation.Accuracy(_settings.Servers, _settings.TestSet.Classes)));
    }
}
