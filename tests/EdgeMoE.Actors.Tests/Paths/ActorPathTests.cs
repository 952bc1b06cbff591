using EdgeMoE.Actors.Runtime;

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

    [Fact]
    public void The_stable_hash_does_not_depend_on_the_process()
    {
        // FNV-1a 64 of "a" (UTF-16: 0x61 0x00), computed by hand from the published offset basis and prime.
        var expected = unchecked((((14695981039346656037UL ^ 0x61) * 1099511628211UL) ^ 0x00) * 1099511628211UL);
        Assert.Equal(expected, StableHash.Fnv1a64("a"));
    }
}
