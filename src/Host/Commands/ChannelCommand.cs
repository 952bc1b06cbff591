using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EdgeMoE.Host.Cli;
using EdgeMoE.Models.Wireless;
using EdgeMoE.Models.Wireless.Analysis;
using EdgeMoE.Models.Wireless.Channel;
using EdgeMoE.Models.Wireless.Csi;
using EdgeMoE.Models.Wireless.Fading;

namespace EdgeMoE.Host.Commands;

/// <summary>
/// <c>edgemoe channel --mean-snr-db D --samples N --seed S [--subcarriers M] [--outage-threshold-db T] [--json]</c>:
/// draws N slots of a Rayleigh block-faded link with M subcarriers at mean SNR D and prints its sample statistics
/// beside the closed forms.
/// </summary>
internal static class ChannelCommand
{
    public static Command Build(CliConsole console)
    {
        var meanSnrDb = new Option<double>("--mean-snr-db") { Description = "Mean SNR of the link, ρ = Ω·P0/N0 (dB).", Required = true };
        var samples = new Option<int>("--samples") { Description = "Slots to draw; each slot gives one gain per subcarrier.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the random generator.", DefaultValueFactory = _ => 1 };
        var subcarriers = new Option<int>("--subcarriers") { Description = "Subcarriers M per slot (statistics pool all of them).", DefaultValueFactory = _ => 1 };
        var thresholdDb = new Option<double>("--outage-threshold-db") { Description = "Outage threshold γ_th (dB).", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print the numbers as one JSON object on the last line." };
        var command = new Command("channel", "Draw Rayleigh channel samples and compare their statistics with the closed forms.")
        {
            meanSnrDb, samples, seed, subcarriers, thresholdDb, json,
        };
        command.SetAction(parse => Execute(
            console,
            parse.GetValue(meanSnrDb),
            parse.GetValue(samples),
            parse.GetValue(seed),
            parse.GetValue(subcarriers),
            parse.GetValue(thresholdDb),
            parse.GetValue(json)));
        return command;
    }

    private static int Execute(CliConsole console, double meanSnrDb, int samples, int seed, int subcarriers, double thresholdDb, bool json)
    {
        RequireFinite(meanSnrDb, "--mean-snr-db");
        RequireFinite(thresholdDb, "--outage-threshold-db");
        if (samples <= 0)
        {
            throw new BadInputException($"--samples must be a positive number of slots, got {samples}.");
        }

        if (subcarriers <= 0)
        {
            throw new BadInputException($"--subcarriers must be positive, got {subcarriers}.");
        }

        var meanSnr = Decibels.ToLinear(meanSnrDb);
        var threshold = Decibels.ToLinear(thresholdDb);
        if (!(meanSnr > 0) || !double.IsFinite(meanSnr))
        {
            throw new BadInputException($"--mean-snr-db {meanSnrDb} gives a mean SNR outside the range of a double.");
        }

        // Unit power and noise: the link's mean gain is the mean SNR itself.
        var budget = new OfdmaLinkBudget(SpacingHz: 1, PowerW: 1, NoiseW: 1);
        var channel = new OfdmaChannel([meanSnr], subcarriers, SmallScaleFading.RayleighBlock, CsiModel.Perfect, new Random(seed));
        var survey = ChannelSurvey.Run(channel, budget, samples, threshold);
        var closedSpectral = RayleighClosedForms.MeanSpectralEfficiency(meanSnr);
        var closedBer = RayleighClosedForms.BpskBitErrorRate(meanSnr);
        var closedOutage = RayleighClosedForms.OutageProbability(meanSnr, threshold);

        var o = console.Out;
        o.WriteLine(Invariant($"Rayleigh block fading, mean SNR {meanSnrDb} dB, {samples} slots x {subcarriers} subcarriers = {survey.Samples} samples, seed {seed}"));
        o.WriteLine(Invariant($"{"statistic",-34} {"sampled",14} {"closed form",14} {"rel. error",11}"));
        Row(o, "mean SNR (linear)", survey.MeanSnr, meanSnr);
        Row(o, "mean spectral efficiency (b/s/Hz)", survey.MeanSpectralEfficiency, closedSpectral);
        Row(o, "BPSK bit-error rate", survey.BpskBitErrorRate, closedBer);
        Row(o, Invariant($"outage probability (< {thresholdDb} dB)"), survey.OutageProbability, closedOutage);
        if (json)
        {
            o.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["mean_snr_db"] = meanSnrDb,
                ["samples"] = survey.Samples,
                ["slots"] = samples,
                ["subcarriers"] = subcarriers,
                ["seed"] = seed,
                ["outage_threshold_db"] = thresholdDb,
                ["mean_snr"] = survey.MeanSnr,
                ["mean_spectral_efficiency"] = survey.MeanSpectralEfficiency,
                ["ber_bpsk"] = survey.BpskBitErrorRate,
                ["outage_probability"] = survey.OutageProbability,
                ["closed_form_mean_spectral_efficiency"] = closedSpectral,
                ["closed_form_ber_bpsk"] = closedBer,
                ["closed_form_outage_probability"] = closedOutage,
            }));
        }

        return ExitCodes.Success;
    }

    private static void Row(TextWriter output, string name, double sampled, double closed) =>
        output.WriteLine(Invariant($"{name,-34} {sampled,14:G6} {closed,14:G6} {(sampled - closed) / closed,11:P3}"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void RequireFinite(double value, string option)
    {
        if (!double.IsFinite(value))
        {
            throw new BadInputException($"{option} must be a finite number of dB, got {value.ToString(CultureInfo.InvariantCulture)}.");
        }
    }
}
