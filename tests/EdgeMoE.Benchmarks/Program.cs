using BenchmarkDotNet.Running;
using EdgeMoE.Benchmarks;

// BenchmarkDotNet micro-benchmarks of EdgeMoE's kernels and solvers:
//   dotnet run -c Release --project tests/EdgeMoE.Benchmarks -- --filter '*'
// and three experiments (not benchmarks): `-- adam-race torch|pinned [seconds] [workers] [quiet]`, see AdamScalarRaceExperiment,
// `-- conv-race torch|scoped [seconds] [workers]`, see ConvFanInRaceExperiment, and `-- fedsc-probe ...`, see
// FedScProbeExperiment.
if (args.Length > 0 && args[0] == "adam-race")
{
    AdamScalarRaceExperiment.Run(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "fedsc-probe")
{
    FedScProbeExperiment.Run(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "conv-race")
{
    ConvFanInRaceExperiment.Run(args[1..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
