using GuidelinesReview.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// The app's connections wait for another writer's lock inside SQLite (busy timeout) instead of
/// getting SQLITE_BUSY back and leaving Microsoft.Data.Sqlite to sleep 150 ms before retrying:
/// that sleep was the p99 of the breakout-room load run (see the README's "Measured").
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SqliteBusyTests(AppFactory app)
{
    [Fact]
    public async Task Every_connection_the_app_opens_has_sqlite_busy_timeout_set()
    {
        var expected = new AppOptions().SqliteBusyTimeoutMs;

        // Twice, in two scopes: the second open gets the pooled handle back and must still have it.
        var first = await app.DbAsync(BusyTimeoutAsync);
        var second = await app.DbAsync(BusyTimeoutAsync);

        Assert.True(expected > 0, "The busy timeout is off by default");
        Assert.Equal(expected, first);
        Assert.Equal(expected, second);
    }

    [Fact]
    public async Task A_write_that_meets_another_writers_lock_waits_in_sqlite_until_it_is_released()
    {
        app.StartServer(); // start-up migrates: not while the lock below is held

        // Another connection (not pooled, not the app's) holds the write lock for a moment.
        await using var other = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        var rc = await app.DbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
            var release = Task.Run(async () =>
            {
                await Task.Delay(200);
                await using var commit = other.CreateCommand();
                commit.CommandText = "COMMIT;";
                await commit.ExecuteNonQueryAsync();
            });

            // Straight to SQLite, past the provider's own retry loop: without a busy timeout
            // sqlite3_step answers SQLITE_BUSY at once; with one it returns when the lock is free.
            var step = await Task.Run(() =>
            {
                Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(handle, "BEGIN IMMEDIATE;", out var statement));
                using (statement)
                {
                    return raw.sqlite3_step(statement);
                }
            });
            await release;
            if (step == raw.SQLITE_DONE)
            {
                raw.sqlite3_exec(handle, "ROLLBACK;");
            }

            return step;
        });

        Assert.Equal(raw.SQLITE_DONE, rc);
    }

    private static async Task<int> BusyTimeoutAsync(GuidelinesReview.Web.Data.AppDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
