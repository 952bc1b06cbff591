using System.Globalization;

namespace EdgeMoE.Hocon.Tests.Api;

/// <summary>Seeded random trees: rendering as HOCON or JSON and parsing back gives the same tree.</summary>
public sealed class RoundTripPropertyTests
{
    private static readonly string[] AwkwardText =
        ["", "plain", "two words", "a.b", "include", "true", "null", "42", "-7", "${x}", "// not a comment", "# nor this",
         "quote\"inside", "back\\slash", "new\nline", "tab\there", "ünïcödé", "emoji 😀", "[brackets]", "{braces}", "x = y"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Hocon_and_json_renderings_parse_back_to_the_same_tree(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 150; i++)
        {
            var tree = RandomObject(random, depth: 0);
            var json = tree.ToJson();
            Assert.Equal(json, Config.Parse(tree.ToHocon(), "roundtrip.conf", HoconResolveOptions.NoEnvironment).ToJson());
            Assert.Equal(json, Config.Parse(json, "roundtrip.json", HoconResolveOptions.NoEnvironment).ToJson());
        }
    }

    private static Config RandomObject(Random random, int depth) => new((HoconObject)RandomValue(random, depth, forceObject: true));

    private static HoconValue RandomValue(Random random, int depth, bool forceObject = false)
    {
        var origin = new ConfigOrigin("generated", 1, 1);
        var kind = forceObject ? 0 : random.Next(depth >= 3 ? 2 : 0, 7);
        switch (kind)
        {
            case 0:
                var fields = Enumerable.Range(0, random.Next(0, 5))
                    .Select(_ => new KeyValuePair<string, HoconValue>(AwkwardText[random.Next(AwkwardText.Length)], RandomValue(random, depth + 1)));
                return new HoconObject(fields, origin);
            case 1:
                return new HoconArray([.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomValue(random, depth + 1))], origin);
            case 2:
                return new HoconNumber(random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture), origin);
            case 3:
                return new HoconNumber((random.NextDouble() * Math.Pow(10, random.Next(-30, 30))).ToString("R", CultureInfo.InvariantCulture), origin);
            case 4:
                return new HoconBoolean(random.Next(2) == 0, origin);
            case 5:
                return new HoconNull(origin);
            default:
                return new HoconString(AwkwardText[random.Next(AwkwardText.Length)], origin);
        }
    }
}
