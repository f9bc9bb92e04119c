using System.Net.Http.Json;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Tests.Web;

/// <summary>Every instant goes into the database as UTC and comes back as UTC (one converter for all columns).</summary>
public sealed class UtcTimeTests
{
    [Fact]
    public async Task Instants_come_back_from_sqlite_as_utc_and_local_times_are_stored_as_utc()
    {
        // A local time equal to UTC would pass whatever the converter does with it (NotUtcTimeZone).
        Assert.NotEqual(TimeSpan.Zero, TimeZoneInfo.Local.GetUtcOffset(DateTime.UtcNow));
        var path = Path.Combine(Path.GetTempPath(), "gr-tests", Guid.NewGuid().ToString("N") + ".db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path}").Options;
        var created = new DateTime(2027, 3, 4, 9, 30, 0, DateTimeKind.Utc);
        var accepted = new DateTime(2027, 3, 5, 10, 0, 0, DateTimeKind.Utc);
        await using (var db = new AppDbContext(options))
        {
            await db.Database.MigrateAsync();
            db.Invitations.Add(new Invitation
            {
                TokenHash = "hash", Email = "a@example.org", Role = "Expert", CreatedById = "x",
                CreatedAt = created,
                ExpiresAt = created.AddDays(7).ToLocalTime(), // a local time is converted, not stored as if it were UTC
                AcceptedAt = accepted,
            });
            await db.SaveChangesAsync();
        }

        await using (var db = new AppDbContext(options))
        {
            var invitation = await db.Invitations.SingleAsync();
            Assert.Equal((DateTimeKind.Utc, DateTimeKind.Utc, DateTimeKind.Utc), (invitation.CreatedAt.Kind, invitation.ExpiresAt.Kind, invitation.AcceptedAt!.Value.Kind));
            Assert.Equal((created, created.AddDays(7), accepted), (invitation.CreatedAt, invitation.ExpiresAt, invitation.AcceptedAt.Value));
            Assert.Null(invitation.RevokedAt);

            // Comparisons still run in SQL on the stored text.
            Assert.Equal(1, await db.Invitations.CountAsync(i => i.ExpiresAt > created.AddDays(6) && i.AcceptedAt < accepted.AddMinutes(1)));
        }

        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Times_in_the_api_carry_their_utc_designator()
    {
        using var app = new AppFactory();
        using var client = await app.SignInAsync("expert@demo.local");
        var versionId = await app.DbAsync(db => db.DraftVersions.Where(v => v.Number == 3).Select(v => v.Id).SingleAsync());
        var anchor = await app.DbAsync(db => db.Blocks.Where(b => b.VersionId == versionId && b.Kind == GuidelinesReview.Core.Drafts.BlockKind.Paragraph).Select(b => b.Anchor).FirstAsync());

        var posted = await client.PostAsJsonAsync($"/api/versions/{versionId}/comments", new { clientId = Guid.NewGuid(), versionId, anchor, type = "general", body = "Times end in Z." });
        posted.EnsureSuccessStatusCode();
        var listed = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/versions/{versionId}/comments");

        var createdAt = listed.GetProperty("comments").EnumerateArray().Single(c => c.GetProperty("body").GetString() == "Times end in Z.").GetProperty("createdAt").GetString();
        Assert.EndsWith("Z", createdAt);
    }
}
