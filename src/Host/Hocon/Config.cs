using EdgeMoE.Hocon.Rendering;

namespace EdgeMoE.Hocon;

/// <summary>
/// A resolved, immutable configuration with typed getters. Paths are path expressions (<c>a.b."c.d"</c>);
/// every error names the full path and the <c>FILE:LINE:COL</c> where the offending value was set.
/// </summary>
public sealed class Config
{
    private readonly IReadOnlyList<string> _prefix;

    /// <summary>Wraps a resolved root object; <paramref name="prefix"/> is where it sits in a larger config (for messages).</summary>
    public Config(HoconObject root, IReadOnlyList<string>? prefix = null)
    {
        Root = root;
        _prefix = prefix ?? [];
    }

    /// <summary>The resolved tree.</summary>
    public HoconObject Root { get; }

    /// <summary>Parses and resolves HOCON text.</summary>
    public static Config Parse(string text, string source = "string", HoconResolveOptions? options = null) =>
        HoconDocument.Parse(text, source).Resolve(options);

    /// <summary>Loads and resolves a file.</summary>
    public static Config Load(string path, HoconResolveOptions? options = null) => HoconDocument.Load(path).Resolve(options);

    /// <summary>True when <paramref name="path"/> exists and is not null.</summary>
    public bool HasPath(string path) => Find(path) is { } value && value is not HoconNull;

    /// <summary>The value at <paramref name="path"/> (may be <see cref="HoconNull"/>), or null when absent.</summary>
    public HoconValue? Find(string path)
    {
        HoconValue current = Root;
        foreach (var key in HoconPath.Parse(path))
        {
            if (current is not HoconObject obj || !obj.TryGetValue(key, out var child))
            {
                return null;
            }

            current = child;
        }

        return current;
    }

    /// <summary>The value at <paramref name="path"/>.</summary>
    /// <exception cref="HoconException">The path is missing or null.</exception>
    public HoconValue GetValue(string path)
    {
        var value = Find(path) ?? throw new HoconException($"no setting at '{FullPath(path)}'");
        return value is HoconNull
            ? throw new HoconException(value.Origin, $"{FullPath(path)}: expected a value, got null")
            : value;
    }

    /// <summary>Where the value at <paramref name="path"/> was defined.</summary>
    public ConfigOrigin Origin(string path) => GetValue(path).Origin;

    /// <summary>A string; numbers and booleans convert to their text.</summary>
    public string GetString(string path) => ValueConversion.ToText(GetValue(path), FullPath(path));

    /// <summary>A boolean; the strings true/yes/on and false/no/off convert.</summary>
    public bool GetBoolean(string path) => ValueConversion.ToBoolean(GetValue(path), FullPath(path));

    /// <summary>A whole number in the 32-bit range; numeric strings convert.</summary>
    public int GetInt(string path) => ValueConversion.ToInt(GetValue(path), FullPath(path));

    /// <summary>A whole number in the 64-bit range; numeric strings convert.</summary>
    public long GetLong(string path) => ValueConversion.ToLong(GetValue(path), FullPath(path));

    /// <summary>A number; numeric strings convert.</summary>
    public double GetDouble(string path) => ValueConversion.ToDouble(GetValue(path), FullPath(path));

    /// <summary>A duration (100 ns resolution): a bare number is milliseconds; <c>10s</c>, <c>100 ms</c>, <c>1 minute</c> carry their unit.</summary>
    public TimeSpan GetDuration(string path) => ValueConversion.ToDuration(GetValue(path), FullPath(path));

    /// <summary>A size in bytes: a bare number is bytes; <c>512 KiB</c> (powers of two), <c>1 GB</c> (powers of ten).</summary>
    public long GetBytes(string path) => ValueConversion.ToBytes(GetValue(path), FullPath(path));

    /// <summary>A list (an object with integer keys 0, 1, ... also reads as a list).</summary>
    public IReadOnlyList<HoconValue> GetList(string path) => ValueConversion.ToList(GetValue(path), FullPath(path));

    /// <summary>A list whose elements convert as <see cref="GetString"/>; errors name the element index.</summary>
    public IReadOnlyList<string> GetStringList(string path) =>
        [.. GetList(path).Select((v, i) => ValueConversion.ToText(v, $"{FullPath(path)}[{i}]"))];

    /// <summary>A list whose elements convert as <see cref="GetInt"/>.</summary>
    public IReadOnlyList<int> GetIntList(string path) =>
        [.. GetList(path).Select((v, i) => ValueConversion.ToInt(v, $"{FullPath(path)}[{i}]"))];

    /// <summary>A list whose elements convert as <see cref="GetDouble"/>.</summary>
    public IReadOnlyList<double> GetDoubleList(string path) =>
        [.. GetList(path).Select((v, i) => ValueConversion.ToDouble(v, $"{FullPath(path)}[{i}]"))];

    /// <summary>A list whose elements convert as <see cref="GetBoolean"/>.</summary>
    public IReadOnlyList<bool> GetBooleanList(string path) =>
        [.. GetList(path).Select((v, i) => ValueConversion.ToBoolean(v, $"{FullPath(path)}[{i}]"))];

    /// <summary>The object at <paramref name="path"/> as a config whose messages still name full paths.</summary>
    public Config GetConfig(string path)
    {
        var value = GetValue(path);
        return value is HoconObject obj
            ? new Config(obj, [.. _prefix, .. HoconPath.Parse(path)])
            : throw ValueConversion.WrongType(value, FullPath(path), "an object");
    }

    /// <summary>This config over <paramref name="fallback"/> (objects merge, everything else here wins).</summary>
    public Config WithFallback(Config fallback) => new(Root.WithFallback(fallback.Root), _prefix);

    /// <summary>Every value that is not a non-empty object, with its full path, in definition order.</summary>
    public IEnumerable<KeyValuePair<IReadOnlyList<string>, HoconValue>> Leaves() => Leaves(Root, _prefix);

    /// <summary>The full path of <paramref name="path"/> as shown in messages.</summary>
    public string FullPath(string path) => _prefix.Count == 0 ? path : $"{HoconPath.Render(_prefix)}.{path}";

    /// <summary>Valid JSON (numbers as numbers), keys in definition order.</summary>
    public string ToJson(bool indented = true) => JsonRenderer.Render(Root, indented);

    /// <summary>HOCON text that parses back to this tree.</summary>
    public string ToHocon() => HoconRenderer.Render(Root);

    private static IEnumerable<KeyValuePair<IReadOnlyList<string>, HoconValue>> Leaves(HoconObject obj, IReadOnlyList<string> path)
    {
        foreach (var (key, value) in obj.Fields)
        {
            IReadOnlyList<string> childPath = [.. path, key];
            if (value is HoconObject { Count: > 0 } child)
            {
                foreach (var leaf in Leaves(child, childPath))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return new(childPath, value);
            }
        }
    }
}
