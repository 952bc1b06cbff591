namespace EdgeMoE.Models.Data;

/// <summary>
/// A data set could not be loaded: files are missing, or a file is corrupted. The message is meant for
/// the user as it stands (it names the file and what is wrong, or how to install the data set).
/// </summary>
public sealed class DataSetException : Exception
{
    /// <summary>Creates the exception with a user-facing message.</summary>
    public DataSetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a user-facing message and the low-level cause.</summary>
    public DataSetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public DataSetException()
        : base("The data set could not be loaded.")
    {
    }
}
