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

    /// <summary>CIFAR-10 binary files in <c>edgemoe.run.data-dir</c>; missing files are an error.</summary>
    Cifar10,

    /// <summary>CIFAR-100 binary files (fine labels) in <c>edgemoe.run.data-dir</c>; missing files are an error.</summary>
    Cifar100,
}
