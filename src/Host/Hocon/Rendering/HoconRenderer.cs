using System.Text;

namespace EdgeMoE.Hocon.Rendering;

/// <summary>Writes a resolved object as HOCON (no root braces, <c>key = value</c>, two-space indentation).</summary>
public static class HoconRenderer
{
    /// <summary>The object's fields as HOCON text that parses back to the same tree.</summary>
    public static string Render(HoconObject root)
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in root.Fields)
        {
            WriteField(sb, key, value, 0);
        }

        return sb.ToString();
    }

    private static void WriteField(StringBuilder sb, string key, HoconValue value, int depth)
    {
        sb.Append(' ', depth * 2).Append(HoconPath.RenderElement(key));
        if (value is HoconObject obj)
        {
            sb.Append(" {\n");
            foreach (var (childKey, child) in obj.Fields)
            {
                WriteField(sb, childKey, child, depth + 1);
            }

            sb.Append(' ', depth * 2).Append("}\n");
            return;
        }

        sb.Append(" = ");
        WriteValue(sb, value, depth);
        sb.Append('\n');
    }

    private static void WriteValue(StringBuilder sb, HoconValue value, int depth)
    {
        switch (value)
        {
            case HoconObject obj:
                sb.Append("{\n");
                foreach (var (key, child) in obj.Fields)
                {
                    WriteField(sb, key, child, depth + 1);
                }

                sb.Append(' ', depth * 2).Append('}');
                break;
            case HoconArray array:
                if (array.All(v => v is not (HoconObject or HoconArray)))
                {
                    sb.Append('[');
                    for (var i = 0; i < array.Count; i++)
                    {
                        sb.Append(i == 0 ? "" : ", ");
                        WriteValue(sb, array[i], depth);
                    }

                    sb.Append(']');
                    break;
                }

                sb.Append("[\n");
                foreach (var item in array)
                {
                    sb.Append(' ', (depth + 1) * 2);
                    WriteValue(sb, item, depth + 1);
                    sb.Append('\n');
                }

                sb.Append(' ', depth * 2).Append(']');
                break;
            case HoconString text:
                sb.Append(JsonText.Quote(text.Value));
                break;
            default:
                sb.Append(value.ConcatenationText);
                break;
        }
    }
}
