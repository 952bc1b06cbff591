using System.Text.Json;

namespace EdgeMoE.Host.Tests;

public sealed class ChannelCommandTests
{
    [Fact]
    public void Json_last_line_reports_sampled_statistics_beside_the_closed_forms()
    {
        var (exit, output, _) = CliRunner.Run("channel", "--mean-snr-db", "10", "--samples", "20000", "--seed", "7", "--subcarriers", "4", "--json");

        Assert.Equal(0, exit);
        var last = output.TrimEnd().Split('\n')[^1];
        using var json = JsonDocument.Parse(last);
        var root = json.RootElement;
        Assert.Equal(80_000, root.GetProperty("samples").GetInt64());
        // 80,000 samples: standard errors ≈ 0.3 % (spectral efficiency) and ≈ 2.5 % (BER).
        var spectral = root.GetProperty("mean_spectral_efficiency").GetDouble();
        Assert.InRange(spectral / root.GetProperty("closed_form_mean_spectral_efficiency").GetDouble(), 0.98, 1.02);
        Assert.Equal(2.906514808414805, root.GetProperty("closed_form_mean_spectral_efficiency").GetDouble(), 9);
        var ber = root.GetProperty("ber_bpsk").GetDouble();
        Assert.InRange(ber / root.GetProperty("closed_form_ber_bpsk").GetDouble(), 0.9, 1.1);
        var outage = root.GetProperty("outage_probability").GetDouble();
        Assert.InRange(outage, 0.095 - 0.005, 0.095 + 0.005);
        Assert.Contains("BPSK bit-error rate", output);
    }

    [Fact]
    public void The_same_seed_prints_the_same_numbers()
    {
        var first = CliRunner.Run("channel", "--mean-snr-db", "0", "--samples", "1000", "--seed", "3", "--json").Out;
        var second = CliRunner.Run("channel", "--mean-snr-db", "0", "--samples", "1000", "--seed", "3", "--json").Out;
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("--samples", "--mean-snr-db", "5", "--samples", "0")]
    [InlineData("--samples", "--mean-snr-db", "5", "--samples", "-3")]
    [InlineData("--mean-snr-db", "--mean-snr-db", "NaN", "--samples", "10")]
    [InlineData("--mean-snr-db", "--mean-snr-db", "Infinity", "--samples", "10")]
    [InlineData("--outage-threshold-db", "--mean-snr-db", "5", "--samples", "10", "--outage-threshold-db", "-Infinity")]
    [InlineData("--subcarriers", "--mean-snr-db", "5", "--samples", "10", "--subcarriers", "0")]
    public void Bad_options_exit_with_bad_input_naming_the_option(string option, params string[] args)
    {
        var (exit, _, error) = CliRunner.Run(["channel", .. args]);
        Assert.Equal(2, exit);
        Assert.Contains(option, error);
    }
}
