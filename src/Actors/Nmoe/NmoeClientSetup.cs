using EdgeMoE.Models.Moe.Federated;

namespace EdgeMoE.Actors.Nmoe;

/// <summary>
/// Everything a networked-MoE client actor is made from: the Props argument that crosses nodes when the client is
/// deployed on an edge member, so the client builds its <see cref="FederatedClient"/> where it lives.
/// </summary>
/// <param name="Index">The client's index (its expert's index in the gate).</param>
/// <param name="Shape">The networks.</param>
/// <param name="Data">Its local training and test images.</param>
/// <param name="Seed">The run seed.</param>
/// <param name="Name">A stable name unique to this client in the run (names its generators).</param>
/// <param name="Share">q_i, its share of all clients' training samples.</param>
/// <param name="Training">How it trains in the server's rounds.</param>
public sealed record NmoeClientSetup(int Index, NmoeShape Shape, ClientDataSplit Data, long Seed, string Name, double Share, ClientTraining Training)
{
    /// <summary>The client's computations and state, built from this setup.</summary>
    public FederatedClient NewClient() => new(Index, Shape, Data, Seed, Name, Share);
}
