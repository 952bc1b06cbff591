using EdgeMoE.Models.Data;

namespace EdgeMoE.Actors.Edge.Routing;

/// <summary>The router: its gating network, and the test images it measures the MoE on.</summary>
/// <param name="Servers">J, experts (one per server).</param>
/// <param name="ExpertsPerToken">K.</param>
/// <param name="GateHidden">Hidden units of the feed-forward gate; 0 makes it linear.</param>
/// <param name="GateLearningRate">Adam learning rate of the gate (&gt; 0).</param>
/// <param name="TestSet">Test images (shared, read-only); their shape is the token shape.</param>
/// <param name="EvaluationSubset">Indices into <paramref name="TestSet"/> used for intermediate accuracy points.</param>
public sealed record RouterSettings(int Servers, int ExpertsPerToken, int GateHidden, float GateLearningRate, LabeledImages TestSet, int[] EvaluationSubset);
