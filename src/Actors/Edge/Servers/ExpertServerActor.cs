using Akka.Actor;
using EdgeMoE.Actors.Edge.Learning;
using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Actors.Randomness;
using EdgeMoE.Models.Compute;

namespace EdgeMoE.Actors.Edge.Servers;

/// <summary>
/// An edge server with its expert. At each tick it tells the policy its queues; when the slot's
/// <see cref="TokenDispatch"/> arrives it enqueues the tokens, runs one slot of eqs. 1–4 at the decided frequency
/// (<see cref="ServerQueues.Step"/>), computes the d_com_j oldest tokens and returns their outputs stamped with the
/// dispatch's virtual arrival plus the busy time d_com_j·c/f_j. It keeps those tokens' images until their gradient
/// arrives, then trains on them in one batch and reports the slot to the clock, with the tokens still queued.
/// </summary>
public sealed class ExpertServerActor : ReceiveActor, IWithUnboundedStash
{
    private readonly ExpertServerSettings _settings;
    private readonly RematerialisedNetwork _learner;
    private readonly IActorRef _policy;
    private readonly IActorRef _clock;
    private readonly Queue<QueuedToken> _queue = new();
    private readonly Dictionary<long, QueuedToken> _awaitingGradient = [];
    private IActorRef _channel;
    private ServerQueues _queues;
    private ServerSlot? _lastSlot;
    private long _routed;
    private long _slot = -1;

    /// <param name="settings">Profile, expert shape and outages.</param>
    /// <param name="policy">Receives the server's <see cref="ServerStatus"/> at every tick.</param>
    /// <param name="clock">Receives the server's <see cref="ServerSlotReport"/>.</param>
    /// <param name="seed">The actor's generator (the expert's initial weights).</param>
    /// <param name="channel">The link to the router; null until a <see cref="ConnectChannel"/> arrives.</param>
    /// <param name="restore">The state to continue from (a checkpoint's), or null for a fresh server.</param>
    public ExpertServerActor(ExpertServerSettings settings, IActorRef policy, IActorRef clock, ActorSeed seed, IActorRef? channel, ActorSnapshot? restore = null)
    {
        _settings = settings;
        _learner = RematerialisedNetwork.Expert(settings.Network, settings.Classes, settings.LearningRate, seed.NewGenerator());
        _policy = policy;
        _clock = clock;
        _channel = channel ?? ActorRefs.Nobody;
        _queues = new ServerQueues(settings.Profile);
        if (restore is not null && SnapshotImages.AwaitsImages(restore))
        {
            // Deployed on another node: the queue's images follow in parts (SnapshotImages.Parts).
            Become(() => AwaitingImages(restore));
            return;
        }

        if (restore is not null)
        {
            SnapshotCodec.Restore(restore, Context.System, _learner.ItemSize, Restore(restore));
        }

        Become(Serving);
    }

    /// <summary>Set by Akka: messages that arrive before the restore snapshot's images.</summary>
    public IStash Stash { get; set; } = null!;

    private void Serving()
    {
        Receive<ConnectChannel>(c => _channel = c.Channel);
        Receive<SlotTick>(Tick);
        Receive<ServerRejoin>(_ =>
        {
            // Back from a partition: the router sent the queued tokens elsewhere meanwhile.
            _queue.Clear();
            _queues = _queues with { Tokens = 0 };
        });
        Receive<TokenDispatch>(Compute);
        Receive<OutputGradients>(Learn);
        Receive<EvaluationRequest>(r => Sender.Tell(new EvaluationOutputs(r.Slot, _settings.Index, _learner.Forward(r.Pixels))));
        Receive<CaptureState>(c => Sender.Tell(Snapshot(c.Slot)));
    }

    /// <summary>Gathers the restore snapshot's images part by part, holding every other message back; then restores and serves.</summary>
    private void AwaitingImages(ActorSnapshot restore)
    {
        var imageSize = _learner.ItemSize;
        var pixels = new float[(long)restore.ImageIndices.Length * imageSize];
        var received = 0L;
        Receive<RestoreImages>(part =>
        {
            var at = (long)part.Offset * imageSize;
            if (part.Offset < 0 || part.Pixels.Length % imageSize != 0 || at + part.Pixels.Length > pixels.Length)
            {
                throw new InvalidOperationException(
                    $"state of {restore.Actor}: an image part at {part.Offset} of {part.Pixels.Length} floats does not fit its {restore.ImageIndices.Length} images of {imageSize}");
            }

            part.Pixels.CopyTo(pixels.AsSpan((int)at));
            received += part.Pixels.Length;
            if (received == pixels.Length)
            {
                var whole = restore with { Images = pixels };
                SnapshotCodec.Restore(whole, Context.System, imageSize, Restore(whole));
                Become(Serving);
                Stash.UnstashAll();
            }
        });
        ReceiveAny(_ => Stash.Stash());
    }

    /// <summary>Props of a server (see the constructor).</summary>
    public static Props Props(ExpertServerSettings settings, IActorRef policy, IActorRef clock, ActorSeed seed, IActorRef? channel = null, ActorSnapshot? restore = null) =>
        Akka.Actor.Props.Create(() => new ExpertServerActor(settings, policy, clock, seed, channel, restore));

    /// <summary>The stable name of server <paramref name="index"/> in snapshots.</summary>
    public static string SnapshotName(int index) => $"server-{index}";

    /// <summary>
    /// Queues (tokens, and those awaiting a gradient; each image as its training-set index), Q_j and Z_j, and the expert
    /// with Adam. Queues of an overloaded server hold hundreds of thousands of tokens: no copy of them is made here.
    /// </summary>
    private ActorSnapshot Snapshot(long slot) => SnapshotCodec.Take(slot, SnapshotName(_settings.Index), (w, images) =>
    {
        w.WriteVarInt(_slot);
        w.WriteVarInt(_routed);
        w.WriteVarInt(_queues.Tokens);
        w.WriteDouble(_queues.EnergyBacklog);
        WriteTokens(w, images, _queue, _queue.Count);
        WriteTokens(w, images, _awaitingGradient.Values, _awaitingGradient.Count);

        return NetworkCheckpoint.Save(_learner, w);
    });

    private static void WriteTokens(Cluster.Wire.WireWriter w, SnapshotImageLog images, IEnumerable<QueuedToken> tokens, int count)
    {
        w.WriteCount(count);
        foreach (var token in tokens)
        {
            w.WriteVarInt(token.Id);
            images.Add(token.ImageIndex);
        }
    }

    private Action<Cluster.Wire.WireReader, SnapshotImageSource> Restore(ActorSnapshot snapshot) => (r, images) =>
    {
        _slot = r.ReadVarInt();
        _routed = r.ReadVarInt();
        _queues = _queues with { Tokens = r.ReadVarInt(), EnergyBacklog = r.ReadDouble() };
        for (var count = r.ReadCount(); count > 0; count--)
        {
            _queue.Enqueue(ReadToken(r, images));
        }

        for (var count = r.ReadCount(); count > 0; count--)
        {
            var token = ReadToken(r, images);
            _awaitingGradient.Add(token.Id, token);
        }

        NetworkCheckpoint.Restore(_learner, r, snapshot.Tensors);
    };

    private static QueuedToken ReadToken(Cluster.Wire.WireReader r, SnapshotImageSource images)
    {
        var id = r.ReadVarInt();
        var (index, image) = images.Next();
        return new QueuedToken(id, index, image);
    }

    private bool Available => _settings.IsAvailable(_slot);

    private void Tick(SlotTick tick)
    {
        _slot = tick.Slot;
        _lastSlot = null;
        _policy.Tell(new ServerStatus(tick.Slot, _settings.Index, _queues.Tokens, _queues.EnergyBacklog, Available));
    }

    private void Compute(TokenDispatch dispatch)
    {
        var imageSize = _learner.ItemSize;
        for (var i = 0; i < dispatch.TokenIds.Length; i++)
        {
            _queue.Enqueue(new QueuedToken(dispatch.TokenIds[i], dispatch.ImageIndices[i], dispatch.Pixels.AsMemory(i * imageSize, imageSize)));
        }

        // A server in outage computes nothing, whatever frequency it was sent.
        var frequency = Available ? dispatch.FrequencyHz : 0;
        _routed = dispatch.TokenIds.Length;
        var slot = _queues.Step(_routed, frequency, dispatch.CompletionCap);
        _queues = slot.Next;
        _lastSlot = slot;

        var ids = new long[slot.Completed];
        var pixels = new float[slot.Completed * imageSize];
        for (var i = 0; i < ids.Length; i++)
        {
            var token = _queue.Dequeue();
            ids[i] = token.Id;
            token.Image.Span.CopyTo(pixels.AsSpan(i * imageSize, imageSize));
            _awaitingGradient.Add(token.Id, token);
        }

        var outputs = _learner.Forward(pixels);
        var done = dispatch.ArrivesAt + TimeSpan.FromSeconds(slot.BusySeconds);
        _channel.Tell(new ExpertOutputs(dispatch.Slot, _settings.Index, ids, outputs, done));
    }

    private void Learn(OutputGradients gradients)
    {
        var imageSize = _learner.ItemSize;
        var pixels = new float[gradients.TokenIds.Length * imageSize];
        for (var i = 0; i < gradients.TokenIds.Length; i++)
        {
            if (!_awaitingGradient.Remove(gradients.TokenIds[i], out var token))
            {
                throw new InvalidOperationException($"server {_settings.Index} got a gradient for token {gradients.TokenIds[i]}, which it did not compute");
            }

            token.Image.Span.CopyTo(pixels.AsSpan(i * imageSize, imageSize));
        }

        _learner.Train(pixels, gradients.Gradients);
        var slot = _lastSlot ?? throw new InvalidOperationException($"server {_settings.Index} got gradients of slot {gradients.Slot} before its tokens");
        _clock.Tell(new ServerSlotReport(
            gradients.Slot, _settings.Index, Available, _routed, slot.Completed, _queues.Tokens, _queues.EnergyBacklog,
            slot.EnergyJoules, slot.FrequencyHz, gradients.TokenIds.Length, gradients.ArrivesAt, [.. _queue.Select(t => t.Id)]));
    }
}
