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
    private long _nextTokenId;

    /// <param name="images">The training images tokens are drawn from (shared, read-only).</param>
    /// <param name="arrivalRate">λ, mean tokens per slot (&gt; 0).</param>
    /// <param name="router">Receives the batches.</param>
    /// <param name="seed">The actor's generator (arrivals).</param>
    public ClientActor(LabeledImages images, double arrivalRate, IActorRef router, ActorSeed seed)
    {
        _images = images;
        _sampler = new TokenSampler(images, arrivalRate, seed.NewGenerator());
        _router = router;
        Receive<SlotTick>(Emit);
    }

    /// <summary>Props of a client (see the constructor).</summary>
    public static Props Props(LabeledImages images, double arrivalRate, IActorRef router, ActorSeed seed) =>
        Akka.Actor.Props.Create(() => new ClientActor(images, arrivalRate, router, seed));

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

        _router.Tell(new TokenBatch(tick.Slot, ids, labels, pixels, tick.StartsAt));
    }
}
