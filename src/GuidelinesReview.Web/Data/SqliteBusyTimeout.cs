using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GuidelinesReview.Web.Data;

/// <summary>
/// Sets SQLite's own busy timeout (<c>sqlite3_busy_timeout</c>) on every connection the app opens.
/// Microsoft.Data.Sqlite never sets one: when a write meets another connection's write lock it gets
/// SQLITE_BUSY back at once and retries after <c>Thread.Sleep(150)</c> until <c>Default Timeout</c>
/// (30 s) is spent, so a save that waits 2 ms for the lock is late by 150 ms. With a busy timeout,
/// SQLite waits inside the statement in short steps (1, 2, 5, 10 … 100 ms in the bundled build) and
/// the save goes through a few milliseconds after the lock is free. Pooled connections keep the
/// setting, and setting it again on each open is one native call.
/// </summary>
public sealed class SqliteBusyTimeout(int milliseconds) : DbConnectionInterceptor
{
    public int Milliseconds { get; } = milliseconds;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            SqliteException.ThrowExceptionForRC(SQLitePCL.raw.sqlite3_busy_timeout(handle, Milliseconds), handle);
        }
    }
}
