using EdgeMoE.Actors.Jesa.Coordination;
using EdgeMoE.Models.Vit;

namespace EdgeMoE.Host.Scenarios.Jesa;

/// <summary>What a JESA checkpoint holds: the MoE-ViT's training after an epoch, or the emulation after a round.</summary>
/// <param name="Training">The training state, when the checkpoint was written during training.</param>
/// <param name="Model">The safetensors bytes of the weights the emulation runs, when written during the emulation.</param>
/// <param name="Schemes">Per scheme, in order, its label and progress, when written during the emulation.</param>
internal sealed record JesaSnapshot(MoeVitTrainingState? Training, byte[]? Model, IReadOnlyList<(string Label, SchemeProgress Progress)>? Schemes);
