using BenchmarkDotNet.Running;

// BenchmarkDotNet micro-benchmarks of EdgeMoE's kernels and solvers:
//   dotnet run -c Release --project tests/EdgeMoE.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
