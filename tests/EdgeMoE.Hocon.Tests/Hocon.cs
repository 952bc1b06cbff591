namespace EdgeMoE.Hocon.Tests;

/// <summary>Shorthands: resolve text without environment fallback, compact JSON of the result, the error a text raises.</summary>
internal static class Hocon
{
    public static Config Resolve(string text, Func<string, string?>? environment = null) =>
        Config.Parse(text, "test.conf", environment is null ? HoconResolveOptions.NoEnvironment : new HoconResolveOptions(environment));

    public static string Json(string text) => Resolve(text).ToJson(indented: false);

    public static string Error(string text) => Assert.Throws<HoconException>(() => Resolve(text)).Message;

    /// <summary>The error a getter raises on a configuration that resolves fine.</summary>
    public static string GetterError(string text, Action<Config> use)
    {
        var config = Resolve(text);
        return Assert.Throws<HoconException>(() => use(config)).Message;
    }
}
