using BenchmarkDotNet.Running;
using EdgeMoE.Benchmarks;

// BenchmarkDotNet micro-benchmarks of EdgeMoE's kernels and solvers:
//   dotnet run -c Release --project tests/EdgeMoE.Benchmarks -- --filter '*'
// and one experiment (not a benchmark): `-- adam-race torch|pinned [seconds] [workers] [quiet]`, see AdamScalarRaceExperiment.
if (args.Length > 0 && args[0] == "adam-race")
{
    AdamScalarRaceExperiment.Run(args[1..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
