namespace EdgeMoE.Hocon.Syntax;

/// <summary>The spec's definition of whitespace (Unicode separators, ASCII controls 0x1C-0x1F and the BOM).</summary>
internal static class HoconWhitespace
{
    public static bool Is(char c) =>
        c is '\t' or '\n' or '\v' or '\f' or '\r' or '\u001C' or '\u001D' or '\u001E' or '\u001F' or '\uFEFF'
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.SpaceSeparator
            or System.Globalization.UnicodeCategory.LineSeparator
            or System.Globalization.UnicodeCategory.ParagraphSeparator;
}
