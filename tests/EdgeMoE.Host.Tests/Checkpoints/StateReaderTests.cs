using EdgeMoE.Host.Checkpoints;
using EdgeMoE.Host.Cli;
using EdgeMoE.Models.Randomness;

namespace EdgeMoE.Host.Tests.Checkpoints;

public sealed class StateReaderTests
{
    [Fact]
    public void Every_primitive_reads_back_as_written_bit_for_bit()
    {
        var bytes = new StateWriter()
            .Section("router").Bool(true).Int(-3).Long(long.MinValue).ULong(ulong.MaxValue).Double(-0.0).Double(BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0001))
            .Float(1.5f).String("h\u00e9llo").Bytes(new byte[] { 1, 2 })
            .Section("queues").Ints([1, 2]).Longs([3]).ULongs([4, 5]).Doubles([0.1]).Floats([2.5f, -1f])
            .ToArray();

        var reader = new StateReader("state.bin", bytes);

        reader.Section("router");
        Assert.True(reader.Bool());
        Assert.Equal(-3, reader.Int());
        Assert.Equal(long.MinValue, reader.Long());
        Assert.Equal(ulong.MaxValue, reader.ULong());
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(reader.Double()));
        Assert.Equal(0x7FF8_0000_0000_0001, BitConverter.DoubleToInt64Bits(reader.Double()));
        Assert.Equal(1.5f, reader.Float());
        Assert.Equal("h\u00e9llo", reader.String());
        Assert.Equal([1, 2], reader.Bytes());
        reader.Section("queues");
        Assert.Equal([1, 2], reader.Ints());
        Assert.Equal([3L], reader.Longs());
        Assert.Equal([4UL, 5UL], reader.ULongs());
        Assert.Equal([0.1], reader.Doubles());
        Assert.Equal([2.5f, -1f], reader.Floats());
        reader.End();
    }

    [Fact]
    public void Another_section_name_is_a_corrupt_checkpoint_naming_the_file_and_both_sections()
    {
        var reader = new StateReader("/run/checkpoints/step-00000010/state.bin", new StateWriter().Section("router").Int(1).Section("servers").ToArray());
        reader.Section("router").Int();

        var refused = Assert.Throws<BadInputException>(() => reader.Section("channels"));

        Assert.Contains("/run/checkpoints/step-00000010/state.bin", refused.Message);
        Assert.Contains("expected section \"channels\", found \"servers\"", refused.Message);
    }

    [Fact]
    public void Bytes_ending_early_are_a_corrupt_checkpoint_naming_the_section()
    {
        var bytes = new StateWriter().Section("clock").Long(5).Doubles([1, 2, 3]).ToArray();
        var reader = new StateReader("state.bin", bytes[..^4]);
        reader.Section("clock").Long();

        var refused = Assert.Throws<BadInputException>(() => reader.Doubles());

        Assert.Contains("state.bin: corrupt checkpoint in section \"clock\"", refused.Message);
    }

    [Fact]
    public void Bytes_left_over_are_a_corrupt_checkpoint()
    {
        var reader = new StateReader("state.bin", new StateWriter().Section("clock").Long(5).Int(1).ToArray());
        reader.Section("clock").Long();

        Assert.Contains("left over", Assert.Throws<BadInputException>(reader.End).Message);
    }

    [Fact]
    public void A_generator_restored_from_its_state_continues_the_same_sequence()
    {
        var original = new Xoshiro256Random(42);
        original.NextDouble();
        var restored = Xoshiro256Random.FromState(new StateReader("rng", new StateWriter().ULongs(original.GetState()).ToArray()).ULongs());

        Assert.Equal(Enumerable.Range(0, 5).Select(_ => original.NextUInt64()), Enumerable.Range(0, 5).Select(_ => restored.NextUInt64()));
        Assert.Throws<ArgumentException>(() => restored.SetState([0, 0, 0, 0]));
    }
}
