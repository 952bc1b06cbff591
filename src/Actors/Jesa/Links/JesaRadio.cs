namespace EdgeMoE.Actors.Jesa.Links;

/// <summary>The radio of the device-to-device links (paper §VII-A2).</summary>
/// <param name="SpacingHz">B0, subcarrier spacing (Hz).</param>
/// <param name="PowerW">P0, transmit power per subcarrier (W).</param>
/// <param name="NoiseW">N0, noise power (W).</param>
/// <param name="PathLoss">Mean power gain of the Rayleigh fading (the average path loss, e.g. 1e-2).</param>
/// <param name="Subcarriers">M, subcarriers of every link.</param>
/// <param name="HiddenStateBits">s0, bits of one hidden state on the air.</param>
public sealed record JesaRadio(double SpacingHz, double PowerW, double NoiseW, double PathLoss, int Subcarriers, double HiddenStateBits);
