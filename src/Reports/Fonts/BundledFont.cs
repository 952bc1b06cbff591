using ScottPlot;
using SkiaSharp;

namespace EdgeMoE.Reports.Fonts;

/// <summary>
/// DejaVu Sans, shipped inside this assembly (licence in Fonts/LICENSE) and handed to ScottPlot for every font name, so
/// charts render the same glyphs on any machine, including slim images where Skia finds no system font at all.
/// </summary>
public static class BundledFont
{
    /// <summary>The family name charts ask for.</summary>
    public const string Family = "DejaVu Sans";

    private const string Resource = "EdgeMoE.Reports.Fonts.DejaVuSans.ttf";
    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>Puts the bundled font first among ScottPlot's resolvers and makes it the default (once per process).</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            ScottPlot.Fonts.FontResolvers.Insert(0, new Resolver(ReadBytes()));
            ScottPlot.Fonts.Default = Family;
            ScottPlot.Fonts.Sans = Family;
            _registered = true;
        }
    }

    /// <summary>The TTF file's bytes, from the embedded resource.</summary>
    public static byte[] ReadBytes()
    {
        using var stream = typeof(BundledFont).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"resource {Resource} is missing from {typeof(BundledFont).Assembly.GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Answers every request with the bundled face: a system font must never change a chart's pixels.</summary>
    private sealed class Resolver(byte[] ttf) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => Create();

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) => Create();

        private SKTypeface Create()
        {
            using var data = SKData.CreateCopy(ttf);
            return SKTypeface.FromData(data);
        }
    }
}
