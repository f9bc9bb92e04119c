using System.Globalization;

namespace GuidelinesReview.Web.Backups;

/// <summary>
/// <c>backup &lt;file&gt;</c>: a consistent copy of the database (with the data-protection keys) while
/// the app serves. <c>restore &lt;file&gt;</c>: puts one back, with the app stopped. See docs/backup.md.
/// </summary>
public static class BackupCommand
{
    public const string Backup = "backup";
    public const string Restore = "restore";

    public static bool Handles(string? command) => command is Backup or Restore;

    /// <summary>The arguments left for the host (configuration overrides), without the command and its file.</summary>
    public static string[] HostArguments(string[] args) => [.. args.Skip(1).Where((a, i) => i > 0 || a.StartsWith("--", StringComparison.Ordinal))];

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var command = args[0];
        var file = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : null;
        if (file is null)
        {
            await Console.Error.WriteLineAsync($"usage: {command} <file> [--GuidelinesReview:DataDirectory=<folder>]");
            return 2;
        }

        using var scope = app.Services.CreateScope();
        var backups = scope.ServiceProvider.GetRequiredService<DatabaseBackup>();
        try
        {
            if (command == Backup)
            {
                var summary = await backups.BackupAsync(file, app.Lifetime.ApplicationStopping);
                Console.WriteLine($"Backed up to {summary.File}: {Describe(summary)}.");
                return 0;
            }

            var (restored, check, previous) = await backups.RestoreAsync(file, app.Lifetime.ApplicationStopping);
            Console.WriteLine($"Restored {restored.File}: {Describe(restored)}. {check.Describe(Path.GetFileName(restored.File))}");
            if (previous is not null)
            {
                Console.WriteLine($"The database it replaced is kept as {previous}.");
            }

            return 0;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static string Describe(BackupSummary summary) => string.Create(
        CultureInfo.InvariantCulture,
        $"{summary.Bytes / 1_048_576.0:0.0} MB, schema {summary.Schema}, {summary.Comments:N0} comments, {summary.Keys} data-protection keys, integrity ok, {summary.Took.TotalSeconds:0.00} s");
}
