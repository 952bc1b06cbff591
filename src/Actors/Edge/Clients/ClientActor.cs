using Akka.Actor;
using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Actors.Randomness;
using EdgeMoE.Models.Data;
using EdgeMoE.Models.Data.Tokens;

namespace EdgeMoE.Actors.Edge.Clients;

/// <summary>
/// The token source of paper section IV: each slot a Poisson(λ) batch of training images with balanced labels,
/// drawn with the actor's own seeded generator, sent to the router as one <see cref="TokenBatch"/> at the slot's start.
/// </summary>
public sealed class ClientActor : ReceiveActor
{
    private readonly LabeledImages _images;
    private readonly TokenSampler _sampler;
    private readonly IActorRef _router;
    private readonly Random _random;
    private long _nextTokenId;

    /// <param name="images">The training images tokens are drawn from (shared, read-only).</param>
    /// <param name="arrivalRate">λ, mean tokens per slot (&gt; 0).</param>
    /// <param name="router">Receives the batches.</param>
    /// <param name="seed">The actor's generator (arrivals).</param>
    /// <param name="restore">The state to continue from (a checkpoint's), or null for a fresh client.</param>
    public ClientActor(LabeledImages images, double arrivalRate, IActorRef router, ActorSeed seed, ActorSnapshot? restore = null)
    {
        _images = images;
        _random = seed.NewGenerator();
        _sampler = new TokenSampler(images, arrivalRate, _random);
        _router = router;
        Receive<SlotTick>(Emit);
        Receive<CaptureState>(c => Sender.Tell(SnapshotCodec.Take(c.Slot, SnapshotName, w =>
        {
            w.WriteVarInt(_nextTokenId);
            GeneratorState.Write(w, _random);
            var (pools, cursors, slots) = _sampler.ExportState();
            w.WriteCount(pools.Length);
            foreach (var pool in pools)
            {
                w.WriteInts(pool);
            }

            w.WriteInts(cursors);
            w.WriteVarInt(slots);
            return [];
        })));
        if (restore is not null)
        {
            SnapshotCodec.Restore(restore, Context.System, r =>
            {
                _nextTokenId = r.ReadVarInt();
                GeneratorState.Read(r, _random);
                var pools = new int[r.ReadCount()][];
                for (var k = 0; k < pools.Length; k++)
                {
                    pools[k] = r.ReadInts();
                }

                _sampler.ImportState(pools, r.ReadInts(), r.ReadVarInt());
            });
        }
    }

    /// <summary>The client's stable name in snapshots.</summary>
    public const string SnapshotName = "client";

    /// <summary>Props of a client (see the constructor).</summary>
    public static Props Props(LabeledImages images, double arrivalRate, IActorRef router, ActorSeed seed, ActorSnapshot? restore = null) =>
        Akka.Actor.Props.Create(() => new ClientActor(images, arrivalRate, router, seed, restore));

    private void Emit(SlotTick tick)
    {
        var indices = _sampler.NextSlot();
        var labels = new int[indices.Length];
        var pixels = new float[indices.Length * _images.ImageSize];
        _images.Gather(indices, pixels, labels);
        var ids = new long[indices.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = _nextTokenId++;
        }

        _router.Tell(new TokenBatch(tick.Slot, ids, labels, indices, pixels, tick.StartsAt));
    }
}
