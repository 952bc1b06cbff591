using System.Text.Json;

namespace EdgeMoE.Host.Commands.Solve;

/// <summary>Writes numeric arrays (named properties or nested values) to a <see cref="Utf8JsonWriter"/>.</summary>
internal static class JsonNumberArrays
{
    public static void WriteNumbers(this Utf8JsonWriter writer, string name, ReadOnlySpan<double> values)
    {
        writer.WritePropertyName(name);
        writer.WriteNumbers(values);
    }

    public static void WriteNumbers(this Utf8JsonWriter writer, string name, ReadOnlySpan<long> values)
    {
        writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    public static void WriteNumbers(this Utf8JsonWriter writer, string name, ReadOnlySpan<int> values)
    {
        writer.WritePropertyName(name);
        writer.WriteNumbers(values);
    }

    public static void WriteNumbers(this Utf8JsonWriter writer, ReadOnlySpan<double> values)
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    public static void WriteNumbers(this Utf8JsonWriter writer, ReadOnlySpan<int> values)
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }
}
