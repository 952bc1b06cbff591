using EdgeMoE.Actors.Runtime;
using FsCheck;
using FsCheck.Fluent;

namespace EdgeMoE.Actors.Tests.Paths;

public sealed class ActorPathTests
{
    private static readonly ActorPath Root = ActorPath.Root(new Address("sim"));

    [Fact]
    public void A_local_path_prints_with_the_system_address()
    {
        Assert.Equal("edgemoe://sim/user/a/b", Root.Child("user").Child("a").Child("b").ToString());
    }

    [Fact]
    public void A_remote_address_prints_host_and_port()
    {
        var path = ActorPath.Root(new Address("sim", "10.0.0.2", 4053)).Child("user").Child("router");
        Assert.Equal("edgemoe://sim@10.0.0.2:4053/user/router", path.ToString());
    }

    [Fact]
    public void Paths_built_separately_are_equal_by_value()
    {
        var a = Root.Child("user").Child("x");
        var b = ActorPath.Root(new Address("sim")).Child("user").Child("x");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Root.Child("user").Child("y"));
        Assert.NotEqual(a, ActorPath.Root(new Address("other")).Child("user").Child("x"));
    }

    [Fact]
    public void Ordering_is_ordinal_by_elements_with_parents_first()
    {
        var user = Root.Child("user");
        var sorted = new[] { user.Child("b"), user.Child("a").Child("z"), user, user.Child("a"), user.Child("B") }.Order().Select(p => p.ToStringWithoutAddress());
        Assert.Equal(["/user", "/user/B", "/user/a", "/user/a/z", "/user/b"], sorted);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("x y")]
    public void Malformed_names_are_rejected(string name)
    {
        Assert.Throws<ArgumentException>(() => Root.Child(name));
    }

    [Theory]
    [InlineData("edgemoe://sim/user/a/b#4242")]
    [InlineData("edgemoe://sim@10.0.0.2:4053/user/router/channel-3#-9223372036854775808")]
    [InlineData("edgemoe://sim/user/$a")]
    [InlineData("edgemoe://sim/")]
    public void The_serialization_format_parses_back_to_an_equal_path_with_the_same_uid(string text)
    {
        var path = ActorPath.Parse(text);
        Assert.Equal(text, path.ToSerializationFormat());
        Assert.Equal(path.Uid, ActorPath.Parse(path.ToSerializationFormat()).Uid);
        Assert.Equal(path, ActorPath.Parse(path.ToString()));
    }

    [Fact]
    public void A_built_path_with_a_uid_round_trips_through_its_serialization_format()
    {
        var path = ActorPath.Root(new Address("sim", "edge-1", 2552)).Child("user").Child("server-7").WithUid(-17);
        var parsed = ActorPath.Parse(path.ToSerializationFormat());
        Assert.Equal("edgemoe://sim@edge-1:2552/user/server-7#-17", path.ToSerializationFormat());
        Assert.Equal(path, parsed);
        Assert.Equal(-17, parsed.Uid);
        Assert.Equal(new Address("sim", "edge-1", 2552), parsed.Address);
        Assert.Equal(["user", "server-7"], parsed.Elements);
    }

    [Fact]
    public void Path_equality_hashing_order_and_text_ignore_the_uid()
    {
        var plain = Root.Child("user").Child("x");
        var withUid = plain.WithUid(99);
        Assert.Equal(ActorPath.UndefinedUid, plain.Uid);
        Assert.Equal(99, withUid.Uid);
        Assert.Equal(plain, withUid);
        Assert.Equal(plain.GetHashCode(), withUid.GetHashCode());
        Assert.Equal(0, plain.CompareTo(withUid));
        Assert.Equal(plain.ToString(), withUid.ToString());
        Assert.Equal(plain.ToString(), plain.ToSerializationFormat());
        Assert.Same(withUid, withUid.WithUid(99));
        Assert.Equal(ActorPath.UndefinedUid, withUid.WithUid(ActorPath.UndefinedUid).Uid);
    }

    [Fact]
    public void A_root_path_cannot_carry_a_uid()
    {
        Assert.Throws<ArgumentException>(() => Root.WithUid(5));
        Assert.Throws<FormatException>(() => ActorPath.Parse("edgemoe://sim/#5"));
    }

    [Theory]
    [InlineData("akka://sim/user/a")]
    [InlineData("edgemoe:///user/a")]
    [InlineData("edgemoe://s.m/user/a")]
    [InlineData("edgemoe://sim@host/user/a")]
    [InlineData("edgemoe://sim@host:0/user/a")]
    [InlineData("edgemoe://sim@:4053/user/a")]
    [InlineData("edgemoe://sim/user//a")]
    [InlineData("edgemoe://sim/user/a/")]
    [InlineData("edgemoe://sim/user/a#")]
    [InlineData("edgemoe://sim/user/a#12x")]
    [InlineData("edgemoe://sim/user/a#1#2")]
    public void Malformed_serialized_paths_are_rejected(string text)
    {
        Assert.False(ActorPath.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => ActorPath.Parse(text));
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Uids_of_successive_creations_under_one_parent_are_distinct_and_never_undefined()
    {
        var cases = Gen.Zip(Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(int.MinValue, int.MaxValue)), Gen.Choose(0, 1000)).ToArbitrary();
        var property = Prop.ForAll(cases, c =>
        {
            var ((seedBase, parentUid), first) = c;
            var seed = (ulong)seedBase * 2654435761UL;
            var uids = Enumerable.Range(0, 64).Select(n => StableHash.ActorUid(seed, parentUid, $"w{first}", first + n)).ToList();
            return uids.Distinct().Count() == uids.Count && !uids.Contains(ActorPath.UndefinedUid);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200).WithReplay(new Replay(new Rnd(20261121UL, 0x9E3779B97F4A7C15UL), null)), property);
    }

    [Fact]
    public void The_stable_hash_does_not_depend_on_the_process()
    {
        // FNV-1a 64 of "a" (UTF-16: 0x61 0x00), computed by hand from the published offset basis and prime.
        var expected = unchecked((((14695981039346656037UL ^ 0x61) * 1099511628211UL) ^ 0x00) * 1099511628211UL);
        Assert.Equal(expected, StableHash.Fnv1a64("a"));
    }
}
