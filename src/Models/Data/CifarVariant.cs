namespace EdgeMoE.Models.Data;

/// <summary>Which CIFAR data set a binary-format folder holds (Krizhevsky, 2009).</summary>
public enum CifarVariant
{
    /// <summary>10 classes; records of 1 label byte + 3,072 pixel bytes in data_batch_1..5.bin and test_batch.bin.</summary>
    Cifar10,

    /// <summary>100 fine classes (20 coarse); records of 2 label bytes (coarse, fine) + 3,072 pixel bytes in train.bin and test.bin.</summary>
    Cifar100,
}
