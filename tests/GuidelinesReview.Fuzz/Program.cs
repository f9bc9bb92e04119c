using GuidelinesReview.Fuzz;
using SharpFuzz;

if (args.Length != 1 || !FuzzTargets.All.ContainsKey(args[0]))
{
    Console.Error.WriteLine($"usage: GuidelinesReview.Fuzz <target>, one of: {string.Join(", ", FuzzTargets.All.Keys)}");
    return 2;
}

var target = args[0];
// Out of process: an input that overflows the stack ends the child that runs it, which afl-fuzz
// records as a crash, rather than the process that talks to afl-fuzz.
Fuzzer.OutOfProcess.Run(stream => FuzzTargets.Run(target, stream));
return 0;
