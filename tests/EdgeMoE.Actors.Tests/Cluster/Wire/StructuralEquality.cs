using System.Collections;
using System.Reflection;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Actors.Tests.Cluster.Wire;

/// <summary>
/// Compares two decoded values field by field (records hold arrays, whose own Equals is by reference): floating
/// point bit for bit, so NaN payloads, −0.0 and subnormals count; sequences, dictionaries included, item by item in
/// their enumeration order.
/// </summary>
internal static class StructuralEquality
{
    /// <summary>The path of the first difference, or null when equal.</summary>
    public static string? Difference(object? expected, object? actual, string path = "value")
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (null, _) or (_, null):
                return $"{path}: {expected ?? "null"} vs {actual ?? "null"}";
        }

        if (expected.GetType() != actual.GetType() && expected is not IEnumerable)
        {
            return $"{path}: type {expected.GetType().Name} vs {actual.GetType().Name}";
        }

        switch (expected)
        {
            case double d:
                return BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits((double)actual) ? null : $"{path}: {d:R} vs {actual:R}";
            case float f:
                return BitConverter.SingleToInt32Bits(f) == BitConverter.SingleToInt32Bits((float)actual) ? null : $"{path}: {f:R} vs {actual:R}";
            case string or IActorRef:
            case ValueType when !HoldsReferences(expected.GetType()):
                return Equals(expected, actual) ? null : $"{path}: {expected} vs {actual}";
            case GatingScores scores:
                // Its values are reachable only row by row.
                return Difference(Rows(scores), Rows((GatingScores)actual), path);
            case IEnumerable items:
                var left = items.Cast<object?>().ToList();
                var right = ((IEnumerable)actual).Cast<object?>().ToList();
                if (left.Count != right.Count)
                {
                    return $"{path}: {left.Count} items vs {right.Count}";
                }

                return left.Zip(right).Select((pair, i) => Difference(pair.First, pair.Second, $"{path}[{i}]")).FirstOrDefault(d => d is not null);
        }

        return expected.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => Difference(p.GetValue(expected), p.GetValue(actual), $"{path}.{p.Name}"))
            .FirstOrDefault(d => d is not null);
    }

    // A struct that holds references (a dictionary's key/value pairs) would compare arrays by reference in its own
    // Equals: it is compared member by member like a class instead.
    private static bool HoldsReferences(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Any(f => !f.FieldType.IsValueType);

    private static object Rows(GatingScores scores) =>
        new { scores.Tokens, scores.Experts, Rows = Enumerable.Range(0, scores.Tokens).Select(i => scores.Row(i).ToArray()).ToList() };
}
