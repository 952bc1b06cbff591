namespace EdgeMoE.Models.Data.Idx;

/// <summary>
/// Builds a <see cref="LabeledImages"/> from an IDX image file (N×H×W or N×C×H×W unsigned bytes) and an
/// IDX label file (N unsigned bytes), scaling pixels to [0, 1] by dividing by 255 as torchvision's
/// <c>ToTensor</c> does.
/// </summary>
public static class IdxImageSet
{
    /// <summary>
    /// Reads and checks the pair of files; throws <see cref="DataSetException"/> naming the file when a
    /// file is corrupted, the counts differ, or a label is not below <paramref name="classes"/>.
    /// </summary>
    public static LabeledImages Load(string imagesPath, string labelsPath, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classes, 256);
        var images = IdxReader.Read(imagesPath);
        var labels = IdxReader.Read(labelsPath);
        return Combine(images, labels, classes);
    }

    /// <summary>Combines an image array and a label array already read; same checks as <see cref="Load"/>.</summary>
    public static LabeledImages Combine(IdxArray images, IdxArray labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        var (count, channels, height, width) = images.Rank switch
        {
            3 => (images.Dimensions[0], 1, images.Dimensions[1], images.Dimensions[2]),
            4 => (images.Dimensions[0], images.Dimensions[1], images.Dimensions[2], images.Dimensions[3]),
            _ => throw new DataSetException(
                $"'{images.Source}' is not an image file: it has {images.Rank} dimensions ({string.Join('×', images.Dimensions)}); expected N×H×W or N×C×H×W."),
        };
        if (channels == 0 || height == 0 || width == 0)
        {
            throw new DataSetException($"'{images.Source}' is corrupted: its images have the empty shape {channels}×{height}×{width}.");
        }

        if (labels.Rank != 1)
        {
            throw new DataSetException(
                $"'{labels.Source}' is not a label file: it has {labels.Rank} dimensions ({string.Join('×', labels.Dimensions)}); expected 1.");
        }

        if (labels.Dimensions[0] != count)
        {
            throw new DataSetException(
                $"'{labels.Source}' holds {labels.Dimensions[0]} labels but '{images.Source}' holds {count} images; the files do not belong together.");
        }

        var labelValues = new int[count];
        var raw = labels.Data;
        for (var i = 0; i < count; i++)
        {
            if (raw[i] >= classes)
            {
                throw new DataSetException($"'{labels.Source}' is corrupted: label {raw[i]} of item {i} is outside [0, {classes}).");
            }

            labelValues[i] = raw[i];
        }

        var pixels = new float[images.Data.Length];
        PixelScaling.ToUnitInterval(images.Data, pixels);
        return LabeledImages.WithPixelsInRange(pixels, labelValues, channels, height, width, classes);
    }
}
