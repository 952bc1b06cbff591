using Akka.Actor;

namespace EdgeMoE.Actors.Nmoe;

/// <summary>
/// A client's link to its peers: it carries the client's feature queries to the peers' experts and their answers back,
/// counting the bits of each direction (float32 values).
/// </summary>
public sealed class NmoeLinkActor : ReceiveActor
{
    private readonly int _client;
    private IReadOnlyList<IActorRef> _clients = [];
    private long _featureBits;
    private long _answerBits;

    /// <summary>The link of client <paramref name="client"/>.</summary>
    public NmoeLinkActor(int client)
    {
        _client = client;
        Receive<WireClients>(w => _clients = w.Clients);
        Receive<ExpertQuery>(OnQuery);
        Receive<ExpertAnswer>(OnAnswer);
        Receive<GetTraffic>(_ => Sender.Tell(new LinkTraffic(_client, _featureBits, _answerBits)));
    }

    /// <summary>Props of the link of client <paramref name="client"/>.</summary>
    public static Props Props(int client) => Akka.Actor.Props.Create(() => new NmoeLinkActor(client));

    private void OnQuery(ExpertQuery query)
    {
        _featureBits += 32L * query.Features.Length;
        _clients[query.Expert].Tell(query, Self);
    }

    private void OnAnswer(ExpertAnswer answer)
    {
        _answerBits += 32L * answer.Probabilities.Length;
        _clients[answer.From].Tell(answer, Self);
    }
}
