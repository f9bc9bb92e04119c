using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using GuidelinesReview.Web.Backups;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static GuidelinesReview.Tests.Web.CommentTestData;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// <c>backup</c> and <c>restore</c> (Backups/DatabaseBackup.cs) on real SQLite files, with real
/// apps on both sides: the copy taken under load, put back into a new data folder, and the
/// sign-ins that must survive it.
/// </summary>
public sealed class BackupTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "gr-tests", Guid.NewGuid().ToString("N"));

    public BackupTests() => Directory.CreateDirectory(folder);

    [Fact]
    public async Task A_backup_taken_while_experts_post_restores_every_comment_acknowledged_before_it_started()
    {
        string backup = Path.Combine(folder, "under-load.db");
        HashSet<string> acknowledgedBefore;
        int acknowledgedInAll;
        using (var app = new CustomAppFactory())
        {
            var (versionId, _) = await ConsultationDraftAsync(app);
            var acknowledged = new ConcurrentBag<string>();
            using var stop = new CancellationTokenSource();
            string[] experts = ["expert@demo.local", "expert2@demo.local", "expert3@demo.local", "expert4@demo.local", "expert5@demo.local"];
            var writers = experts.Select(async (email, writer) =>
            {
                await using var hub = await app.HubAsync(email);
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var body = $"Written under backup load by writer {writer}, number {n}.";
                    await hub.InvokeAsync<CommentView>("PostComment", Post(versionId, body));
                    acknowledged.Add(body);
                }
            }).ToList();

            await WaitUntilAsync(() => acknowledged.Count >= 50);
            acknowledgedBefore = [.. acknowledged];
            var summary = await app.ScopedAsync(sp => sp.GetRequiredService<DatabaseBackup>().BackupAsync(backup, CancellationToken.None));
            var countAfterBackup = acknowledged.Count;
            await WaitUntilAsync(() => acknowledged.Count >= countAfterBackup + 25);
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            acknowledgedInAll = acknowledged.Count;

            Assert.Equal(Path.GetFullPath(backup), summary.File);
            Assert.True(summary.Comments >= acknowledgedBefore.Count, $"{summary.Comments} comments in the backup, {acknowledgedBefore.Count} acknowledged before it");
        }

        // A consistent, self-contained file: it opens on its own, the integrity check passes, no WAL beside it.
        Assert.False(File.Exists(backup + "-wal"));
        Assert.Equal(["ok"], await QueryAsync(backup, "PRAGMA integrity_check;"));
        Assert.Equal(["delete"], await QueryAsync(backup, "PRAGMA journal_mode;"));

        var restoredFolder = Path.Combine(folder, "restored");
        await RestoreAsync(Path.Combine(restoredFolder, "guidelines.db"), backup);
        using var restored = new CustomAppFactory(restoredFolder);
        var (restoredVersion, _) = await ConsultationDraftAsync(restored);
        await using var reader = await restored.HubAsync("expert@demo.local");
        var joined = await reader.InvokeAsync<JoinResult>("JoinVersion", restoredVersion, 0);
        var bodies = joined.Comments.Select(c => c.Body!).ToHashSet();

        Assert.Subset(bodies, acknowledgedBefore);
        var loadComments = joined.Comments.Count(c => c.Body!.StartsWith("Written under backup load", StringComparison.Ordinal));
        Assert.InRange(loadComments, acknowledgedBefore.Count, acknowledgedInAll);
    }

    [Fact]
    public async Task Restore_refuses_a_newer_schema_a_file_that_is_not_a_backup_and_a_running_app_and_leaves_the_database_as_it_was()
    {
        var data = Path.Combine(folder, "data");
        var database = Path.Combine(data, "guidelines.db");
        var good = Path.Combine(folder, "good.db");
        using (var app = new CustomAppFactory(data))
        {
            var (versionId, _) = await ConsultationDraftAsync(app);
            await using var hub = await app.HubAsync("expert@demo.local");
            await hub.InvokeAsync<CommentView>("PostComment", Post(versionId, "Saved before the refused restores."));
            await app.ScopedAsync(sp => sp.GetRequiredService<DatabaseBackup>().BackupAsync(good, CancellationToken.None));
        }

        var newer = Path.Combine(folder, "newer.db");
        File.Copy(good, newer);
        await QueryAsync(newer, "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29991231000000_FromTheFuture', '12.0.0');");
        var text = Path.Combine(folder, "notes.txt");
        await File.WriteAllTextAsync(text, "These are meeting notes, not a database.");
        var damaged = Path.Combine(folder, "damaged.db");
        var bytes = await File.ReadAllBytesAsync(good);
        await File.WriteAllBytesAsync(damaged, bytes[..(bytes.Length / 2)]);
        var foreign = Path.Combine(folder, "foreign.db");
        await QueryAsync(foreign, "CREATE TABLE Notes (Id INTEGER PRIMARY KEY, Text TEXT);");
        SqliteConnection.ClearAllPools();
        var before = await FingerprintAsync(data);

        var refusals = new Dictionary<string, string>
        {
            [newer] = "was made by a newer version of GuidelinesReview (its schema has 29991231000000_FromTheFuture, which this version does not know)",
            [text] = "is not a SQLite database (it does not start with the SQLite header), so it is not a GuidelinesReview backup. Nothing was restored.",
            [damaged] = "so it cannot serve as a backup.",
            [foreign] = "is a SQLite database but not a GuidelinesReview backup: it has no migration history (__EFMigrationsHistory). Nothing was restored.",
            [Path.Combine(folder, "missing.db")] = "There is no file",
        };
        foreach (var (file, message) in refusals)
        {
            var refused = await Assert.ThrowsAsync<BackupException>(() => RestoreAsync(database, file));
            Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, await FingerprintAsync(data));

        using (var app = new CustomAppFactory(data))
        {
            // While it serves, even a good backup is refused, and the comment is still there after.
            var (versionId, _) = await ConsultationDraftAsync(app);
            var running = await Assert.ThrowsAsync<BackupException>(() => RestoreAsync(database, good));
            Assert.StartsWith($"The app is running on {database} (or another restore is): stop it first, then restore.", running.Message, StringComparison.Ordinal);

            await using var hub = await app.HubAsync("expert@demo.local");
            var joined = await hub.InvokeAsync<JoinResult>("JoinVersion", versionId, 0);
            Assert.Contains(joined.Comments, c => c.Body == "Saved before the refused restores.");
        }

        Assert.Empty(Directory.GetFiles(data, "*.before-restore-*"));
    }

    [Fact]
    public async Task A_sign_in_made_before_the_backup_still_works_after_restoring_it_into_a_new_app()
    {
        var backup = Path.Combine(folder, "keys.db");
        string cookie;
        using (var original = new CustomAppFactory())
        {
            cookie = await original.AuthCookieAsync("expert@demo.local");
            await original.ScopedAsync(sp => sp.GetRequiredService<DatabaseBackup>().BackupAsync(backup, CancellationToken.None));
        }

        var restoredFolder = Path.Combine(folder, "restored");
        await RestoreAsync(Path.Combine(restoredFolder, "guidelines.db"), backup);
        using var restored = new CustomAppFactory(restoredFolder);
        using var elsewhere = new CustomAppFactory();

        var profile = await ProfileAsync(restored, cookie);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Contains("Esi Expert", await profile.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // An app with keys of its own does not accept the cookie: the restored keys are what let it in.
        var stranger = await ProfileAsync(elsewhere, cookie);
        Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
        Assert.Equal("/account/login", stranger.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task With_a_certificate_configured_the_stored_keys_are_encrypted_and_still_read_back_after_a_restart()
    {
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(data);
        var settings = new Dictionary<string, string>
        {
            ["GuidelinesReview:DataProtection:CertificatePath"] = TestCertificate.WritePfx(folder),
            ["GuidelinesReview:DataProtection:CertificatePassword"] = TestCertificate.Password,
        };
        string cookie;
        List<string?> stored;
        using (var app = new ConfiguredAppFactory("Development", settings, data))
        {
            cookie = await app.AuthCookieAsync("expert@demo.local");
            stored = await app.DbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        }

        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });

        using var restarted = new ConfiguredAppFactory("Development", settings, data);
        var profile = await ProfileAsync(restarted, cookie);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
    }

    [Fact]
    public async Task Outside_development_keys_in_clear_are_accepted_when_the_operator_says_so()
    {
        // The refusals without a usable certificate are checked on the real process (StartupTests), where they are printed.
        using var knowingly = new ConfiguredAppFactory("Production", new Dictionary<string, string> { ["GuidelinesReview:DataProtection:AllowUnprotectedKeys"] = "true" });
        Assert.Equal(HttpStatusCode.OK, (await knowingly.CreateClient().GetAsync("/")).StatusCode);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A restore as the command makes it, into a database no app is serving.</summary>
    private static async Task RestoreAsync(string database, string file)
    {
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        await new DatabaseBackup(new DatabaseFile(database), db, NullLogger<DatabaseBackup>.Instance).RestoreAsync(file, CancellationToken.None);
    }

    private static async Task<HttpResponseMessage> ProfileAsync(AppFactory app, string cookie)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/profile");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static async Task<List<string>> QueryAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetValue(0).ToString()!);
        }

        return values;
    }

    /// <summary>Every file of the data folder with a hash of its bytes: any change to the database shows.</summary>
    private static async Task<string> FingerprintAsync(string data)
    {
        var files = new List<string>();
        foreach (var file in Directory.GetFiles(data).Order(StringComparer.Ordinal))
        {
            files.Add($"{Path.GetFileName(file)} {Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(file)))}");
        }

        return string.Join("\n", files);
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "The writers did not get far enough within a minute.");
            await Task.Delay(20);
        }
    }
}
