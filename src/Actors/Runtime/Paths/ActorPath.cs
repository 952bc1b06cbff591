using System.Globalization;
using System.Text;

namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// The name of an actor: an <see cref="Runtime.Address"/> followed by path elements, e.g.
/// <c>edgemoe://sim@10.0.0.2:4053/user/router/channel-3</c>. Value equality and a total order
/// (address, then elements from the root, ordinal), which virtual time uses as the canonical delivery order.
/// </summary>
/// <remarks>
/// Stored as a parent link plus one name so that a million siblings share their parent path. As in Akka, the path of
/// a living actor also carries its incarnation's <see cref="Uid"/>; path equality and order ignore it (a path names a
/// place in the hierarchy), while actor references compare path and uid (a reference names one incarnation).
/// </remarks>
public sealed partial class ActorPath : IEquatable<ActorPath>, IComparable<ActorPath>
{
    /// <summary>The uid of a path that names no particular incarnation (roots, paths built by hand or parsed without <c>#uid</c>).</summary>
    public const long UndefinedUid = 0;

    private readonly ActorPath? _parent;
    private readonly Address _address;
    private readonly int _hash;
    private string? _text;

    private ActorPath(Address address, ActorPath? parent, string name, int depth, long uid, int hash)
    {
        _address = address;
        _parent = parent;
        Name = name;
        Depth = depth;
        Uid = uid;
        _hash = hash;
    }

    /// <summary>The root path <c>edgemoe://system/</c> of an address.</summary>
    public static ActorPath Root(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new(address, null, "", 0, UndefinedUid, address.GetHashCode());
    }

    /// <summary>
    /// The incarnation this path names: nonzero for the path of an actor created by a system, <see cref="UndefinedUid"/>
    /// otherwise. Ignored by path equality, hashing and order. Not random: derived from the system seed, the parent's
    /// uid, the name and the parent's creation count (<see cref="StableHash.ActorUid"/>), so a run repeats its uids
    /// whenever each parent creates its children in the same order (always in virtual time, whatever the thread count).
    /// </summary>
    public long Uid { get; }

    /// <summary>The address of the actor system the actor lives in.</summary>
    public Address Address => _address;

    /// <summary>The last element (the actor's own name); empty for the root.</summary>
    public string Name { get; }

    /// <summary>The parent path; the root is its own parent.</summary>
    public ActorPath Parent => _parent ?? this;

    /// <summary>Number of elements below the root (root 0, <c>/user</c> 1, <c>/user/a</c> 2).</summary>
    public int Depth { get; }

    /// <summary>The path of a child named <paramref name="name"/>.</summary>
    public ActorPath Child(string name) => Child(name, UndefinedUid);

    /// <summary>The same path naming the incarnation <paramref name="uid"/> (<see cref="UndefinedUid"/>: none).</summary>
    /// <exception cref="ArgumentException">A root path is given a uid: roots name no actor incarnation.</exception>
    public ActorPath WithUid(long uid)
    {
        if (uid == Uid)
        {
            return this;
        }

        return _parent is null
            ? throw new ArgumentException($"The root path {this} cannot carry a uid.", nameof(uid))
            : new ActorPath(_address, _parent, Name, Depth, uid, _hash);
    }

    /// <summary>
    /// The path with its uid, <c>edgemoe://sys@host:port/user/a#-4242</c>, or just <see cref="ToString"/> when the uid
    /// is undefined; <see cref="Parse"/> reads it back.
    /// </summary>
    public string ToSerializationFormat() =>
        Uid == UndefinedUid ? ToString() : ToString() + "#" + Uid.ToString(CultureInfo.InvariantCulture);

    /// <summary>The path of a child named <paramref name="name"/> naming the incarnation <paramref name="uid"/>.</summary>
    internal ActorPath Child(string name, long uid)
    {
        ActorNames.Validate(name);
        return new ActorPath(_address, this, name, Depth + 1, uid, HashCode.Combine(_hash, StringComparer.Ordinal.GetHashCode(name)));
    }

    /// <summary>The path elements from the root, e.g. ["user", "a", "b"].</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var elements = new string[Depth];
            for (var p = this; p._parent is not null; p = p._parent)
            {
                elements[p.Depth - 1] = p.Name;
            }

            return elements;
        }
    }

    /// <summary>The path without its address, e.g. <c>/user/a/b</c>.</summary>
    public string ToStringWithoutAddress()
    {
        if (_parent is null)
        {
            return "/";
        }

        var builder = new StringBuilder();
        AppendElements(builder);
        return builder.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => _text ??= _address + ToStringWithoutAddress();

    /// <summary>Equal when address and elements are equal; the <see cref="Uid"/> is ignored, as in Akka.</summary>
    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._hash != _hash || other.Depth != Depth || other.Name != Name)
        {
            return false;
        }

        return _parent is null ? other._parent is null && _address == other._address : _parent.Equals(other._parent);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <summary>Address first, then elements from the root in ordinal order; a parent sorts before its children.</summary>
    public int CompareTo(ActorPath? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (ReferenceEquals(this, other))
        {
            return 0;
        }

        if (Depth > other.Depth)
        {
            var prefix = AncestorAt(other.Depth).CompareTo(other);
            return prefix != 0 ? prefix : 1;
        }

        if (Depth < other.Depth)
        {
            var prefix = CompareTo(other.AncestorAt(Depth));
            return prefix != 0 ? prefix : -1;
        }

        if (_parent is null || other._parent is null)
        {
            return string.CompareOrdinal(_address.ToString(), other._address.ToString());
        }

        var parents = _parent.CompareTo(other._parent);
        return parents != 0 ? parents : string.CompareOrdinal(Name, other.Name);
    }

    /// <summary>Equality operator (value equality).</summary>
    public static bool operator ==(ActorPath? left, ActorPath? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality operator (value equality).</summary>
    public static bool operator !=(ActorPath? left, ActorPath? right) => !(left == right);

    /// <summary>Ordering operator, see <see cref="CompareTo"/>.</summary>
    public static bool operator <(ActorPath left, ActorPath right) => left.CompareTo(right) < 0;

    /// <summary>Ordering operator, see <see cref="CompareTo"/>.</summary>
    public static bool operator >(ActorPath left, ActorPath right) => left.CompareTo(right) > 0;

    /// <summary>Ordering operator, see <see cref="CompareTo"/>.</summary>
    public static bool operator <=(ActorPath left, ActorPath right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering operator, see <see cref="CompareTo"/>.</summary>
    public static bool operator >=(ActorPath left, ActorPath right) => left.CompareTo(right) >= 0;

    private ActorPath AncestorAt(int depth)
    {
        var p = this;
        while (p.Depth > depth)
        {
            p = p._parent!;
        }

        return p;
    }

    private void AppendElements(StringBuilder builder)
    {
        if (_parent is null)
        {
            return;
        }

        _parent.AppendElements(builder);
        builder.Append('/').Append(Name);
    }
}
