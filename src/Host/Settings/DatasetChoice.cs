namespace EdgeMoE.Host.Settings;

/// <summary>Which token images a run uses (<c>edgemoe.run.dataset</c>).</summary>
public enum DatasetChoice
{
    /// <summary>Fashion-MNIST when installed, otherwise the synthetic set (announced).</summary>
    Auto,

    /// <summary>Fashion-MNIST only; missing files are an error.</summary>
    FashionMnist,

    /// <summary>The built-in synthetic image set.</summary>
    Synthetic,
}
