using GuidelinesReview.Fuzz;

namespace GuidelinesReview.Tests.Core;

/// <summary>
/// Every input with which the fuzzer (scripts/fuzz.sh) crashed or hung a reader, kept in
/// Specs/fuzz-crashes/&lt;target&gt;/: the reader now either takes it or refuses it with a message
/// for the person (the project's own exceptions), never anything else, and in bounded time.
/// </summary>
public sealed class FuzzCrashTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Specs", "fuzz-crashes");

    /// <summary>A generous bound for one input on a loaded machine: a hang is minutes or forever.</summary>
    private static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(30);

    public static TheoryData<string, string> KeptInputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(Path.GetDirectoryName(file)!), Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KeptInputs))]
    public async Task A_kept_fuzz_input_is_read_or_refused_with_a_message(string target, string file)
    {
        Assert.True(FuzzTargets.All.ContainsKey(target), $"Specs/fuzz-crashes/{target}/ is not named after a fuzz target ({string.Join(", ", FuzzTargets.All.Keys)})");

        var run = Task.Run(() =>
        {
            using var input = File.OpenRead(Path.Combine(Folder, target, file));
            FuzzTargets.Run(target, input);
        });

        Assert.True(await Task.WhenAny(run, Task.Delay(HangAfter)) == run, $"{target} still ran on {file} after {HangAfter.TotalSeconds} s");
        await run;
    }
}
