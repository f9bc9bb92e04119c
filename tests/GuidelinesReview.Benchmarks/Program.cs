using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/GuidelinesReview.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
