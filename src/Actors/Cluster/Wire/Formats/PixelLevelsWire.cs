namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary>
/// Images on the wire at one byte a pixel when they can be. Images of 8-bit data sets hold only the 256 values b / 255f
/// (PixelScaling), so they travel exactly as one byte per pixel; any others (synthetic) as raw float32. Why: a resumed
/// run sends a remote server the images of its queued tokens, hundreds of thousands for an overloaded policy.
/// </summary>
internal static class PixelLevelsWire
{
    private static readonly float[] Levels = [.. Enumerable.Range(0, 256).Select(b => b / 255f)];

    public static void Write(WireWriter w, ReadOnlySpan<float> image)
    {
        var levels = image.Length <= 16_384 ? stackalloc byte[image.Length] : new byte[image.Length];
        for (var i = 0; i < image.Length; i++)
        {
            var level = MathF.Round(image[i] * 255f);
            if (!(level is >= 0 and <= 255) || BitConverter.SingleToInt32Bits(Levels[(int)level]) != BitConverter.SingleToInt32Bits(image[i]))
            {
                w.WriteBool(false);
                w.WriteFloats(image);
                return;
            }

            levels[i] = (byte)level;
        }

        w.WriteBool(true);
        w.WriteBytes(levels);
    }

    public static float[] Read(WireReader r)
    {
        if (!r.ReadBool())
        {
            return r.ReadFloats();
        }

        var levels = r.ReadBytes();
        var image = new float[levels.Length];
        for (var i = 0; i < image.Length; i++)
        {
            image[i] = Levels[levels[i]];
        }

        return image;
    }
}
