using System.Text.Json;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Commands.Solve;

/// <summary>
/// One JSON object of a solver input. Every getter validates and, on failure, throws a
/// <see cref="BadInputException"/> naming the source, the instance index (for array inputs) and the field path,
/// e.g. <c>in.json: instance 3: field 'experts[2].Q' must be ≥ 0, got -1</c>.
/// </summary>
internal sealed class JsonInstance
{
    private readonly JsonElement _element;
    private readonly string _source;
    private readonly string _path;

    public JsonInstance(JsonElement element, string source, int index, bool wasArray, string path = "")
    {
        _element = element;
        _source = source;
        Index = index;
        WasArray = wasArray;
        _path = path;
    }

    /// <summary>Position of the instance in an array input (0 for a single object).</summary>
    public int Index { get; }

    private bool WasArray { get; }

    public bool Has(string field) => _element.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null;

    public double Number(string field, double min = double.NegativeInfinity, double max = double.PositiveInfinity) =>
        CheckRange(field, ReadNumber(Required(field), field), min, max);

    /// <summary>A number that must be strictly positive (a rate, a power, a duration).</summary>
    public double PositiveNumber(string field)
    {
        var value = Number(field);
        return value > 0
            ? value
            : throw Error(field, $"must be > 0, got {value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}");
    }

    public double NumberOr(string field, double fallback, double min = double.NegativeInfinity, double max = double.PositiveInfinity) =>
        Has(field) ? Number(field, min, max) : fallback;

    public int Integer(string field, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = Required(field);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var integer))
        {
            throw Error(field, $"must be an integer, got {JsonInstances.Describe(value)}");
        }

        if (integer < min || integer > max)
        {
            throw Error(field, RangeText(min, max, integer.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return integer;
    }

    public int IntegerOr(string field, int fallback, int min = int.MinValue, int max = int.MaxValue) =>
        Has(field) ? Integer(field, min, max) : fallback;

    public long LongOr(string field, long fallback)
    {
        if (!Has(field))
        {
            return fallback;
        }

        var value = Required(field);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var integer))
        {
            throw Error(field, $"must be an integer, got {JsonInstances.Describe(value)}");
        }

        return integer;
    }

    public bool BooleanOr(string field, bool fallback)
    {
        if (!Has(field))
        {
            return fallback;
        }

        var value = Required(field);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(field, $"must be true or false, got {JsonInstances.Describe(value)}"),
        };
    }

    /// <summary>A numeric array; <paramref name="length"/> ≥ 0 demands that many entries.</summary>
    public double[] Numbers(string field, int length = -1, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        var array = Array(field, length);
        var result = new double[array.Length];
        for (var i = 0; i < array.Length; i++)
        {
            result[i] = CheckRange($"{field}[{i}]", ReadNumber(array[i], $"{field}[{i}]"), min, max);
        }

        return result;
    }

    /// <summary>A rectangular matrix of numbers, <paramref name="rows"/> × <paramref name="columns"/> (−1: any, rows must agree).</summary>
    public double[][] Matrix(string field, int rows = -1, int columns = -1, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        var array = Array(field, rows);
        var result = new double[array.Length][];
        for (var i = 0; i < array.Length; i++)
        {
            var want = i == 0 ? columns : result[0].Length;
            result[i] = NumbersOf(array[i], $"{field}[{i}]", want, min, max);
        }

        return result;
    }

    /// <summary>The objects of an array field, each with its path (<c>experts[2]</c>) for messages.</summary>
    public IReadOnlyList<JsonInstance> Objects(string field, int length = -1)
    {
        var array = Array(field, length);
        var result = new JsonInstance[array.Length];
        for (var i = 0; i < array.Length; i++)
        {
            if (array[i].ValueKind != JsonValueKind.Object)
            {
                throw Error($"{field}[{i}]", $"must be an object, got {JsonInstances.Describe(array[i])}");
            }

            result[i] = new JsonInstance(array[i], _source, Index, WasArray, $"{_path}{field}[{i}].");
        }

        return result;
    }

    /// <summary>The raw elements of an array field, for nested shapes a solver checks itself.</summary>
    public JsonElement[] Array(string field, int length = -1)
    {
        var value = Required(field);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(field, $"must be an array, got {JsonInstances.Describe(value)}");
        }

        var items = value.EnumerateArray().ToArray();
        if (length >= 0 && items.Length != length)
        {
            throw Error(field, $"must have {length} entries, got {items.Length}");
        }

        return items;
    }

    /// <summary>The elements of a nested array (e.g. <c>gains[2]</c>), <paramref name="length"/> ≥ 0 demanding that many.</summary>
    public JsonElement[] ArrayOf(JsonElement element, string field, int length = -1)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Error(field, $"must be an array, got {JsonInstances.Describe(element)}");
        }

        var count = element.GetArrayLength();
        if (length >= 0 && count != length)
        {
            throw Error(field, $"must have {length} entries, got {count}");
        }

        return element.EnumerateArray().ToArray();
    }

    /// <summary>A numeric array read from a nested element (see <see cref="Array"/>).</summary>
    public double[] NumbersOf(JsonElement element, string field, int length = -1, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Error(field, $"must be an array, got {JsonInstances.Describe(element)}");
        }

        var count = element.GetArrayLength();
        if (length >= 0 && count != length)
        {
            throw Error(field, $"must have {length} entries, got {count}");
        }

        var result = new double[count];
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            result[i] = CheckRange($"{field}[{i}]", ReadNumber(item, $"{field}[{i}]"), min, max);
            i++;
        }

        return result;
    }

    /// <summary>An error about <paramref name="field"/> of this instance.</summary>
    public BadInputException Error(string field, string what)
    {
        var where = WasArray ? $"{_source}: instance {Index}" : _source;
        return new BadInputException($"{where}: field '{_path}{field}' {what}");
    }

    private JsonElement Required(string field)
    {
        if (!_element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw Error(field, "is missing");
        }

        return value;
    }

    private double ReadNumber(JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            throw Error(field, $"must be a finite number, got {JsonInstances.Describe(value)}");
        }

        return number;
    }

    private double CheckRange(string field, double value, double min, double max)
    {
        if (value < min || value > max)
        {
            throw Error(field, RangeText(min, max, value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        }

        return value;
    }

    private static string RangeText(double min, double max, string got)
    {
        static string F(double x) => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return (double.IsFinite(min), double.IsFinite(max)) switch
        {
            (true, true) => $"must be in [{F(min)}, {F(max)}], got {got}",
            (true, false) => $"must be ≥ {F(min)}, got {got}",
            (false, true) => $"must be ≤ {F(max)}, got {got}",
            _ => $"is out of range, got {got}",
        };
    }
}
