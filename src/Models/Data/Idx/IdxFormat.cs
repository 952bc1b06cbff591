namespace EdgeMoE.Models.Data.Idx;

/// <summary>
/// Constants of the IDX format (LeCun's MNIST format): two zero bytes, an element-type code, the number
/// of dimensions, then one big-endian int32 per dimension, then the data.
/// </summary>
public static class IdxFormat
{
    /// <summary>Element-type code of unsigned bytes, the only type EdgeMoE reads.</summary>
    public const byte UnsignedByte = 0x08;

    /// <summary>The name IDX gives an element-type code, or null for codes outside the format.</summary>
    public static string? TypeName(byte code) => code switch
    {
        0x08 => "unsigned byte",
        0x09 => "signed byte",
        0x0B => "int16",
        0x0C => "int32",
        0x0D => "float32",
        0x0E => "float64",
        _ => null,
    };
}
