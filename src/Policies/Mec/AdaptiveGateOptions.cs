namespace EdgeMoE.Policies.Mec;

/// <summary>Parameters of the adaptive gate of the MoE-for-MEC model (arXiv 2412.15690 Algorithm 1, after arXiv 2406.16437).</summary>
/// <param name="Experts">M, one expert per MEC server (≥ 1).</param>
/// <param name="Dimension">d, features per sample (≥ 1).</param>
/// <param name="LearningRate">η of the gate's gradient step (&gt; 0).</param>
/// <param name="LoadBalanceWeight">α of the auxiliary load-balancing loss (≥ 0).</param>
/// <param name="ExplorationNoise">λ: each server's score gets noise r ~ U[0, λ] before the arg max (≥ 0).</param>
/// <param name="StopStep">T1: the gate is trained on tasks 1..T1 only, then frozen (≥ 0).</param>
public sealed record AdaptiveGateOptions(int Experts, int Dimension, double LearningRate, double LoadBalanceWeight, double ExplorationNoise, int StopStep);
