using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/GuidelinesReview.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(GuidelinesReview.Benchmarks.DiffBenchmarks).Assembly).Run(args);
