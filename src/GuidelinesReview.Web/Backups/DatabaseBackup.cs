using System.Diagnostics;
using System.Globalization;
using GuidelinesReview.Core.Backups;
using GuidelinesReview.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Backups;

/// <summary>A refused backup or restore, with the sentence for the operator. Nothing was changed.</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>What a backup or restore did, for the operator's console.</summary>
/// <param name="Schema">The newest migration in the file.</param>
public sealed record BackupSummary(string File, long Bytes, string Schema, int Comments, int Keys, TimeSpan Took);

/// <summary>
/// One-file backups of the live database, and putting one back. A backup is SQLite's online backup
/// (one read transaction, so it is a consistent snapshot while the app keeps writing: WAL lets
/// writers go on beside it), switched to a rollback journal so the copy is a single file, and
/// checked with <c>integrity_check</c> before it gets its name. The data-protection keys are a table
/// in it. A restore checks the file first (SQLite header, integrity, this app's migration history,
/// not a newer schema) and is refused while an app serves from the database (see <see cref="DatabaseFile"/>).
/// </summary>
public sealed partial class DatabaseBackup(DatabaseFile database, AppDbContext db, ILogger<DatabaseBackup> logger)
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    public async Task<BackupSummary> BackupAsync(string file, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var target = Path.GetFullPath(file);
        if (!File.Exists(database.Path))
        {
            throw new BackupException($"There is no database at {database.Path} to back up (check GuidelinesReview:DataDirectory or ConnectionStrings:Default).");
        }

        if (File.Exists(target) || Directory.Exists(target))
        {
            throw new BackupException($"{target} already exists; a backup never overwrites a file. Choose a new name.");
        }

        if (!Directory.Exists(Path.GetDirectoryName(target)))
        {
            throw new BackupException($"The folder {Path.GetDirectoryName(target)} does not exist; create it or choose another place for the backup.");
        }

        // Written under another name and renamed when checked, so a backup that failed half-way is never taken for one.
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            await using (var source = await OpenAsync(database.Path, SqliteOpenMode.ReadWrite, ct))
            await using (var copy = await OpenAsync(partial, SqliteOpenMode.ReadWriteCreate, ct))
            {
                source.BackupDatabase(copy);
                await ExecuteAsync(copy, "PRAGMA journal_mode=DELETE;", ct);
            }

            var summary = await CheckAsync(partial, ct);
            File.Move(partial, target);
            summary = summary with { File = target, Took = Stopwatch.GetElapsedTime(started) };
            LogBackedUp(database.Path, target, summary.Bytes, summary.Took.TotalMilliseconds);
            return summary;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(partial);
        }
    }

    /// <summary>Checks a backup without changing anything: what restoring it would bring, or why it would be refused.</summary>
    public async Task<(BackupSummary Summary, BackupCheck Check)> InspectAsync(string file, CancellationToken ct)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new BackupException($"There is no file {path} to restore.");
        }

        var header = new byte[SqliteHeader.Length];
        await using (var stream = File.OpenRead(path))
        {
            if (await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct) < header.Length || !header.SequenceEqual(SqliteHeader))
            {
                throw new BackupException($"{path} is not a SQLite database (it does not start with the SQLite header), so it is not a GuidelinesReview backup. Nothing was restored.");
            }
        }

        var summary = await CheckAsync(path, ct);
        List<string> applied;
        await using (var connection = await OpenAsync(path, SqliteOpenMode.ReadOnly, ct))
        {
            if (await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';", ct) is 0L)
            {
                throw new BackupException($"{path} is a SQLite database but not a GuidelinesReview backup: it has no migration history (__EFMigrationsHistory). Nothing was restored.");
            }

            applied = await ColumnAsync(connection, "SELECT MigrationId FROM __EFMigrationsHistory;", ct);
        }

        SqliteConnection.ClearAllPools();
        return (summary, BackupCompatibility.Check(applied, [.. db.Database.GetMigrations()]));
    }

    public async Task<(BackupSummary Summary, BackupCheck Check, string? Previous)> RestoreAsync(string file, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var (summary, check) = await InspectAsync(file, ct);
        if (check.Verdict != BackupVerdict.Restorable)
        {
            throw new BackupException(check.Describe(summary.File));
        }

        using var restoring = database.TryHoldForRestore() ?? throw new BackupException(
            $"The app is running on {database.Path} (or another restore is): stop it first, then restore. " +
            "Replacing the database under a running app would mix the backup with writes still arriving. Nothing was restored.");

        // The database being replaced is kept beside it: a restore of the wrong file can be undone.
        string? previous = null;
        if (File.Exists(database.Path))
        {
            previous = $"{database.Path}.before-restore-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
            await using var current = await OpenAsync(database.Path, SqliteOpenMode.ReadWrite, ct);
            await using var aside = await OpenAsync(previous, SqliteOpenMode.ReadWriteCreate, ct);
            current.BackupDatabase(aside);
            await ExecuteAsync(aside, "PRAGMA journal_mode=DELETE;", ct);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(database.Path)!);
        await using (var source = await OpenAsync(summary.File, SqliteOpenMode.ReadOnly, ct))
        await using (var live = await OpenAsync(database.Path, SqliteOpenMode.ReadWriteCreate, ct))
        {
            source.BackupDatabase(live);
            await ExecuteAsync(live, "PRAGMA journal_mode=WAL;", ct);
        }

        SqliteConnection.ClearAllPools();
        summary = summary with { Took = Stopwatch.GetElapsedTime(started) };
        LogRestored(summary.File, database.Path, previous, summary.Took.TotalMilliseconds);
        return (summary, check, previous);
    }

    /// <summary>integrity_check, then what the operator wants to see of the file.</summary>
    private static async Task<BackupSummary> CheckAsync(string path, CancellationToken ct)
    {
        try
        {
            await using var connection = await OpenAsync(path, SqliteOpenMode.ReadOnly, ct);
            var problems = await ColumnAsync(connection, "PRAGMA integrity_check;", ct);
            if (problems is not ["ok"])
            {
                throw new BackupException($"{path} is damaged: SQLite's integrity check reports {string.Join("; ", problems.Take(5))}, so it cannot serve as a backup.");
            }

            var tables = (await ColumnAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table';", ct)).ToHashSet(StringComparer.Ordinal);
            async Task<int> CountAsync(string table) =>
                tables.Contains(table) ? Convert.ToInt32(await ScalarAsync(connection, $"SELECT count(*) FROM \"{table}\";", ct), CultureInfo.InvariantCulture) : 0;
            var schema = tables.Contains("__EFMigrationsHistory")
                ? (string?)await ScalarAsync(connection, "SELECT max(MigrationId) FROM __EFMigrationsHistory;", ct) ?? "(none)"
                : "(none)";
            return new BackupSummary(path, new FileInfo(path).Length, schema, await CountAsync("Comments"), await CountAsync("DataProtectionKeys"), TimeSpan.Zero);
        }
        catch (SqliteException e)
        {
            throw new BackupException($"{path} cannot be read as a database: SQLite reports \"{e.Message}\", so it cannot serve as a backup.");
        }
    }

    private static async Task<SqliteConnection> OpenAsync(string path, SqliteOpenMode mode, CancellationToken ct)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        // The backup's read lock waits for a checkpoint or another write's commit instead of failing at once.
        await ExecuteAsync(connection, "PRAGMA busy_timeout=30000;", ct);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    private static async Task<List<string>> ColumnAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backed up {Database} to {File}: {Bytes} bytes in {Milliseconds} ms")]
    private partial void LogBackedUp(string database, string file, long bytes, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Restored {File} into {Database} (the previous database kept as {Previous}) in {Milliseconds} ms")]
    private partial void LogRestored(string file, string database, string? previous, double milliseconds);
}
