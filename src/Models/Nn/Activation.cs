namespace EdgeMoE.Models.Nn;

/// <summary>Element-wise non-linearities a model can be configured with.</summary>
public enum Activation
{
    /// <summary>max(x, 0).</summary>
    Relu,

    /// <summary>x·Φ(x), exact.</summary>
    Gelu,

    /// <summary>tanh(x).</summary>
    Tanh,

    /// <summary>1/(1+e^(−x)).</summary>
    Sigmoid,
}
