namespace EdgeMoE.Policies.Mec;

/// <summary>Parameters of the adaptive gate of the MoE-for-MEC model (arXiv 2412.15690 Algorithm 1, after arXiv 2406.16437).</summary>
/// <param name="Experts">M, one expert per MEC server (≥ 1).</param>
/// <param name="Dimension">d, features per sample (≥ 1).</param>
/// <param name="LearningRate">η of the gate's gradient step (&gt; 0).</param>
/// <param name="LoadBalanceWeight">α of the auxiliary load-balancing loss (≥ 0).</param>
/// <param name="ExplorationNoise">λ: each server's score gets noise r ~ U[0, λ] before the arg max (≥ 0).</param>
/// <param name="StopStep">
/// T1, the end of the exploration rounds: the gate learns on every task up to T1 and, after it, until the termination
/// test (<paramref name="StopGap"/>) first holds (≥ 0).
/// </param>
/// <param name="StopGap">
/// Γ of the termination test: after T1 a task clears the flag of every server whose gate output h differs from the
/// routed server's by more than Γ; once every flag is clear the gate stops learning for good (≥ 0; +∞ never stops).
/// </param>
/// <param name="EveryServerLocality">
/// True: the locality loss Σ_m π_m‖Δw_m‖ counts, for every server, the change it would make to fit the task (the chosen
/// one's actual change), so the gate moves towards servers that fit the task and away from those that would have to
/// change a lot. False: only the chosen server's change (the others' Δw is 0), the literal form.
/// </param>
public sealed record AdaptiveGateOptions(int Experts, int Dimension, double LearningRate, double LoadBalanceWeight, double ExplorationNoise, int StopStep, double StopGap = 0, bool EveryServerLocality = false);
