using EdgeMoE.Models.Vit;

namespace EdgeMoE.Actors.Jesa.Nodes;

/// <summary>
/// What an expert node needs to start, wherever it is deployed: the weights travel by path, so every member must see
/// the file (local nodes share the machine; remote machines need the same path).
/// </summary>
/// <param name="Index">i, 0-based.</param>
/// <param name="WeightsPath">Absolute path of the safetensors weights every node loads its copy from.</param>
/// <param name="Options">The network's shape.</param>
/// <param name="ComputeJoulesPerState">a_i, J per hidden state computed.</param>
public sealed record ExpertNodeSetup(int Index, string WeightsPath, MoeVitOptions Options, double ComputeJoulesPerState);
