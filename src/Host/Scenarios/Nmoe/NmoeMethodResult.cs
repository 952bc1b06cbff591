namespace EdgeMoE.Host.Scenarios.Nmoe;

/// <summary>One method on one partition, metrics averaged over the clients (fractions in [0, 1]).</summary>
/// <param name="Method">The method's label, e.g. <c>fedce+fedgate</c>.</param>
/// <param name="Partition">The partition's label, e.g. <c>non-iid(0.2)</c>.</param>
/// <param name="Accuracy">Mean test accuracy.</param>
/// <param name="F1">Mean test macro-F1.</param>
/// <param name="Auc">Mean test one-vs-rest AUC.</param>
/// <param name="LocalRatio">Share of test samples processed by their own client's expert (1 for single-model methods).</param>
/// <param name="LinkBits">Bits the clients' links carried at inference (features out, probabilities back).</param>
/// <param name="Gating">For a gated method, per client how many of its test samples its gate sent to each client's expert; null otherwise.</param>
public sealed record NmoeMethodResult(
    string Method, string Partition, double Accuracy, double F1, double Auc, double LocalRatio, long LinkBits, IReadOnlyList<IReadOnlyList<int>>? Gating = null);
