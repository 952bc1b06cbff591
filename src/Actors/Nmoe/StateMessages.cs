using EdgeMoE.Models.Moe.Federated;

namespace EdgeMoE.Actors.Nmoe;

/// <summary>The host asks a client (between steps, when nothing is in flight) for a copy of its state, for a checkpoint.</summary>
public sealed record CaptureClientState;

/// <summary>A client's state, the answer to <see cref="CaptureClientState"/>.</summary>
public sealed record ClientStateCaptured(int Client, FederatedClientState State);

/// <summary>On resume, the host puts a fresh client back in a checkpoint's state; the client answers <see cref="ClientDone"/>.</summary>
public sealed record RestoreClientState(FederatedClientState State);

/// <summary>The host asks the FL server (between rounds) for its generators' states, for a checkpoint.</summary>
public sealed record CaptureServerState;

/// <summary>The FL server's state between rounds: per federated task, its scheduling generator (four words).</summary>
public sealed record ServerState(IReadOnlyDictionary<FederatedTask, ulong[]> Sampling);

/// <summary>On resume, the host puts a fresh FL server back in a checkpoint's state; the server answers with the same state.</summary>
public sealed record RestoreServerState(ServerState State);
