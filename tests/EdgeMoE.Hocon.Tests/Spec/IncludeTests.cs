namespace EdgeMoE.Hocon.Tests.Spec;

public sealed class IncludeTests
{
    [Fact]
    public void Included_fields_take_the_place_of_the_include_statement()
    {
        using var dir = new TempFolder();
        dir.Write("b.conf", "x = 2\ny = 3");
        var main = dir.Write("a.conf", "x = 1\ninclude \"b.conf\"\ny = 4");
        Assert.Equal("""{"x":2,"y":4}""", Config.Load(main, HoconResolveOptions.NoEnvironment).ToJson(indented: false));
    }

    [Fact]
    public void Relative_names_are_resolved_against_the_including_file_not_the_working_directory()
    {
        using var dir = new TempFolder();
        dir.Write("sub/deeper/c.conf", "c = 3");
        dir.Write("sub/b.conf", "include \"deeper/c.conf\"\nb = 2");
        var main = dir.Write("a.conf", "include file(\"sub/b.conf\")");
        Assert.Equal("""{"c":3,"b":2}""", Config.Load(main, HoconResolveOptions.NoEnvironment).ToJson(indented: false));
    }

    [Fact]
    public void A_missing_include_is_ignored_but_a_missing_required_include_is_an_error()
    {
        using var dir = new TempFolder();
        var optional = dir.Write("a.conf", "include \"nope.conf\"\na = 1");
        Assert.Equal("""{"a":1}""", Config.Load(optional).ToJson(indented: false));
        var required = dir.Write("b.conf", "a = 1\ninclude required(\"nope.conf\")");
        var error = Assert.Throws<HoconException>(() => Config.Load(required)).Message;
        Assert.StartsWith($"{required}:2:1: required include 'nope.conf' not found", error);
    }

    [Fact]
    public void Required_file_with_whitespace_inside_the_parentheses_is_accepted()
    {
        using var dir = new TempFolder();
        dir.Write("x.conf", "x = 1");
        var main = dir.Write("a.conf", "include required( file( \"x.conf\" ) )");
        Assert.Equal(1, Config.Load(main).GetInt("x"));
    }

    [Fact]
    public void An_include_inside_an_object_nests_the_fields_and_fixes_up_substitutions()
    {
        using var dir = new TempFolder();
        dir.Write("foo.conf", "x : 10, y : ${x}");
        var main = dir.Write("a.conf", "a : { include \"foo.conf\" }\na : { x : 42 }");
        Assert.Equal("""{"a":{"x":42,"y":42}}""", Config.Load(main, HoconResolveOptions.NoEnvironment).ToJson(indented: false));
    }

    [Fact]
    public void Substitutions_in_an_included_file_can_also_refer_to_the_including_root()
    {
        using var dir = new TempFolder();
        dir.Write("foo.conf", "y : ${top}");
        var main = dir.Write("a.conf", "top = 5\na { include \"foo.conf\" }");
        Assert.Equal(5, Config.Load(main, HoconResolveOptions.NoEnvironment).GetInt("a.y"));
    }

    [Fact]
    public void A_name_without_extension_loads_properties_json_and_conf_with_conf_winning()
    {
        using var dir = new TempFolder();
        dir.Write("x.properties", "p = from-properties\nall = properties");
        dir.Write("x.json", """{ "j" : 1, "all" : "json" }""");
        dir.Write("x.conf", "c = true\nall = conf");
        var main = dir.Write("a.conf", "include \"x\"");
        Assert.Equal("""{"p":"from-properties","all":"conf","j":1,"c":true}""", Config.Load(main).ToJson(indented: false));
    }

    [Fact]
    public void An_included_file_with_an_array_root_is_an_error()
    {
        using var dir = new TempFolder();
        var list = dir.Write("list.json", "[1, 2]");
        var main = dir.Write("a.conf", "include \"list.json\"");
        Assert.Equal($"{list}:1:1: a configuration file must contain an object, not an array", Assert.Throws<HoconException>(() => Config.Load(main)).Message);
    }

    [Fact]
    public void A_file_including_itself_is_an_include_cycle_error()
    {
        using var dir = new TempFolder();
        var main = dir.Write("a.conf", "a = 1\ninclude \"a.conf\"");
        Assert.Contains("include cycle", Assert.Throws<HoconException>(() => Config.Load(main)).Message);
    }

    [Fact]
    public void Include_followed_by_an_unquoted_name_is_an_error() =>
        Assert.Equal("test.conf:1:9: include must be followed by a quoted file name, file(\"...\") or required(\"...\"), got 'foo.conf'",
            Hocon.Error("include foo.conf"));

    [Fact]
    public void A_quoted_include_key_is_an_ordinary_key() => Assert.Equal("""{"include":42}""", Hocon.Json("\"include\" : 42"));

    [Fact]
    public void Syntax_errors_in_included_files_name_the_included_file()
    {
        using var dir = new TempFolder();
        var bad = dir.Write("bad.conf", "ok = 1\nbroken = [1, 2");
        var main = dir.Write("a.conf", "include \"bad.conf\"");
        Assert.Equal($"{bad}:2:15: expected ']' to close the array opened at 2:10, got end of file", Assert.Throws<HoconException>(() => Config.Load(main)).Message);
    }

    [Fact]
    public void An_include_inside_an_array_element_object_is_merged_into_that_object()
    {
        using var dir = new TempFolder();
        dir.Write("item.conf", "kind = expert");
        var main = dir.Write("a.conf", "items = [ { include \"item.conf\", id = 1 } ]");
        Assert.Equal("""{"items":[{"kind":"expert","id":1}]}""", Config.Load(main).ToJson(indented: false));
    }
}
