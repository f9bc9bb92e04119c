using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Generated;
using GuidelinesReview.Web.Infrastructure;
using GuidelinesReview.Web.Meetings;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>The app with a generated consultation of 2,000 comments on v3 (as the README's large one, smaller so the tests stay quick).</summary>
public sealed class GeneratedConsultationFactory : AppFactory
{
    public const int Users = 200, Comments = 2_000, Takeaways = 40;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("GuidelinesReview:GenerateConsultation:Users", Users.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("GuidelinesReview:GenerateConsultation:Comments", Comments.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("GuidelinesReview:GenerateConsultation:Takeaways", Takeaways.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("GuidelinesReview:GenerateConsultation:Version", "3");
    }
}

/// <summary>The app as <c>dotnet run</c> starts it in Development, with the small demo consultation.</summary>
public sealed class DemoConsultationFactory : AppFactory
{
    protected override bool GeneratesDemoConsultation => true;
}

public sealed class GeneratedConsultationTests(GeneratedConsultationFactory app) : IClassFixture<GeneratedConsultationFactory>
{
    private const string Rollup = $"/guidelines/{AppFactory.SampleSlug}/v/3/rollup";

    private static readonly ConsultationShape Shape = new(
        Enumerable.Range(1, 30).Select(i => new PlanBlock(i, $"s{i % 5}-p{i}", $"s{i % 5}", [100 + (i % 5), 200 + (i % 3)])).ToList(),
        [.. Enumerable.Range(0, 5).Select(i => new PlanTerm(100 + i, TaxonomyKind.ThematicArea, $"Area {i}")), .. Enumerable.Range(0, 3).Select(i => new PlanTerm(200 + i, TaxonomyKind.Principle, $"Principle {i}"))],
        []);

    private static IQueryable<BreakoutRoom> RoomsOf(GuidelinesReview.Web.Data.AppDbContext db, int versionId) =>
        db.Meetings.Where(m => m.VersionId == versionId && m.Slug == "generated-v3").SelectMany(m => m.Days).SelectMany(d => d.Agenda).SelectMany(a => a.Rooms);

    private static readonly DateTime End = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_plan_has_exactly_the_requested_counts_and_a_realistic_spread()
    {
        var plan = ConsultationPlan.Create(Shape, new ConsultationSize(2_000, 5_000, 400), End);

        Assert.Equal(2_000, plan.Users.Count);
        Assert.Equal(5_000, plan.Comments.Count);
        Assert.Equal(400, plan.Takeaways.Count);
        Assert.Equal(ConsultationPlan.NewRooms, plan.Rooms.Count);
        Assert.Equal(Enum.GetValues<StakeholderGroup>().Length, plan.Users.Select(u => u.Group).Distinct().Count());
        Assert.Equal(Enum.GetValues<Region>().Length, plan.Users.Select(u => u.Region).Distinct().Count());
        Assert.InRange(plan.Users.Select(u => u.Organisation).Distinct().Count(), 100, 1_000);
        Assert.All(plan.Comments, c => Assert.InRange(c.At, End - ConsultationPlan.Span, End));
        Assert.InRange(plan.Comments.Count(c => c.Decision is not null) / 5_000.0, 0.33, 0.45);
        Assert.All(plan.Comments.Where(c => c.Decision is not null), c => Assert.NotEmpty(c.Decision!.Observation));
        Assert.InRange(plan.Comments.Count(c => c.State != PlannedState.Active), 100, 400);
        Assert.InRange(plan.Comments.Count(c => c.Replies.Count > 0), 400, 800);
        Assert.Contains(plan.Comments, c => Regex.IsMatch(c.Body, @"\p{IsArabic}"));
        Assert.Contains(plan.Comments, c => Regex.IsMatch(c.Body, @"\p{IsCJKUnifiedIdeographs}"));
        Assert.Contains(plan.Comments, c => c.Body.Contains('é', StringComparison.Ordinal));
        Assert.InRange(plan.Rooms.Count(r => r.Notes.Length > 0), 2, 6);
        Assert.All(plan.Takeaways, t => Assert.Equal(plan.Rooms[t.Room].Terms, t.Terms));
    }

    [Fact]
    public void A_plan_is_the_same_for_the_same_seed_and_differs_for_another()
    {
        static string Json(ConsultationPlan plan) => JsonSerializer.Serialize(plan);
        var size = new ConsultationSize(50, 300, 20);

        Assert.Equal(Json(ConsultationPlan.Create(Shape, size, End)), Json(ConsultationPlan.Create(Shape, size, End)));
        Assert.NotEqual(Json(ConsultationPlan.Create(Shape, size, End)), Json(ConsultationPlan.Create(Shape, size, End, seed: 7)));
    }

    [Fact]
    public void Takeaways_go_to_the_versions_own_rooms_when_it_has_some_and_need_rooms_only_when_there_are_takeaways()
    {
        var plan = ConsultationPlan.Create(Shape with { Rooms = [new PlanExistingRoom(41, [100, 200]), new PlanExistingRoom(42, [101])] }, new ConsultationSize(10, 10, 30), End);

        Assert.Equal([41, 42], plan.Rooms.Select(r => r.ExistingId));
        Assert.All(plan.Takeaways, t => Assert.Equal(plan.Rooms[t.Room].Terms, t.Terms));        Assert.Empty(ConsultationPlan.Create(Shape, new ConsultationSize(10, 10, 0), End).Rooms); // no takeaways, no generated meeting
    }

    [Fact]
    public async Task The_app_generates_exactly_the_configured_consultation_on_v3()
    {
        var (users, comments, takeaways, rooms) = await app.DbAsync(async db =>
        {
            var generated = db.Users.Where(u => u.Email!.EndsWith("@" + GeneratedConsultation.EmailDomain));
            var v3 = await db.DraftVersions.SingleAsync(v => v.Guideline.Slug == AppFactory.SampleSlug && v.Number == 3);
            var roomIds = await RoomsOf(db, v3.Id).Select(r => r.Id).ToListAsync();
            return (
                await generated.CountAsync(),
                await db.Comments.CountAsync(c => c.VersionId == v3.Id && c.ParentId == null && generated.Any(u => u.Id == c.AuthorId)),
                await db.Takeaways.CountAsync(t => roomIds.Contains(t.RoomId)),
                roomIds.Count);
        });

        Assert.Equal(GeneratedConsultationFactory.Users, users);
        Assert.Equal(GeneratedConsultationFactory.Comments, comments);
        Assert.Equal(GeneratedConsultationFactory.Takeaways, takeaways);
        Assert.Equal(ConsultationPlan.NewRooms, rooms);
    }

    [Fact]
    public async Task Generated_comments_carry_the_tags_of_their_section_as_posted_ones_do()
    {
        var mismatched = await app.DbAsync(async db =>
        {
            var comments = await db.Comments.Where(c => c.Author.Email!.EndsWith("@" + GeneratedConsultation.EmailDomain) && c.ParentId == null)
                .Select(c => new { Tags = c.Tags.Select(t => t.TermId).OrderBy(t => t).ToList(), Section = db.SectionTags.Where(t => t.SectionId == c.Block.SectionId).Select(t => t.TermId).OrderBy(t => t).ToList() })
                .ToListAsync();
            Assert.Contains(comments, c => c.Tags.Count > 1);
            return comments.Count(c => !c.Tags.SequenceEqual(c.Section));
        });

        Assert.Equal(0, mismatched);
    }

    [Fact]
    public async Task Generating_again_at_the_next_start_adds_nothing()
    {
        var before = await app.DbAsync(db => db.Comments.CountAsync());

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<GeneratedConsultation>().GenerateAsync(CancellationToken.None);
        }

        Assert.Equal(before, await app.DbAsync(db => db.Comments.CountAsync()));
    }

    [Fact]
    public async Task The_rollup_page_counts_what_the_database_holds()
    {
        var (comments, takeaways, notes) = await app.DbAsync(async db =>
        {
            var v3 = await db.DraftVersions.SingleAsync(v => v.Guideline.Slug == AppFactory.SampleSlug && v.Number == 3);
            var rooms = RoomsOf(db, v3.Id);
            return (
                await db.Comments.CountAsync(c => c.VersionId == v3.Id && c.ParentId == null && c.HiddenAt == null && c.WithdrawnAt == null),
                await db.Takeaways.CountAsync(t => rooms.Any(r => r.Id == t.RoomId)),
                await rooms.CountAsync(r => r.Notes != ""));
        });
        var client = await app.SignInAsync("secretariat@demo.local");

        var html = await client.GetStringAsync(Rollup);

        var total = Regex.Match(html, "data-testid=\"rollup-total\">\\s*<strong>([\\d,]+) items</strong>:\\s*([\\d,]+) comments?,\\s*([\\d,]+) room takeaways? and\\s+the notes of ([\\d,]+) rooms?");
        Assert.True(total.Success, "no total on the rollup page");
        int Number(int group) => int.Parse(total.Groups[group].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.Equal(comments, Number(2));
        Assert.Equal(takeaways, Number(3));
        Assert.Equal(notes, Number(4));
        Assert.Equal(comments + takeaways + notes, Number(1));
        Assert.InRange(comments, GeneratedConsultationFactory.Comments * 9 / 10, GeneratedConsultationFactory.Comments);
    }

    [Fact]
    public async Task The_rollup_page_filters_by_the_authors_profile_and_the_decision_as_the_database_does()
    {
        var (academia, accepted) = await app.DbAsync(async db =>
        {
            var v3 = await db.DraftVersions.SingleAsync(v => v.Guideline.Slug == AppFactory.SampleSlug && v.Number == 3);
            var visible = db.Comments.Where(c => c.VersionId == v3.Id && c.ParentId == null && c.HiddenAt == null && c.WithdrawnAt == null);
            return (
                await visible.CountAsync(c => c.Author.StakeholderGroup == StakeholderGroup.Academia && c.Author.Region == Region.Africa),
                await visible.CountAsync(c => c.Disposition!.Decision == GuidelinesReview.Core.Comments.Decision.Accepted));
        });
        var client = await app.SignInAsync("secretariat@demo.local");

        async Task<int> TotalAsync(string query) =>
            int.Parse(Regex.Match(await client.GetStringAsync(Rollup + query), "data-testid=\"rollup-total\">\\s*<strong>([\\d,]+) item").Groups[1].Value,
                NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

        Assert.Equal(academia, await TotalAsync("?group=Academia&region=Africa"));
        Assert.Equal(accepted, await TotalAsync("?decision=Accepted"));
        Assert.True(academia > 0 && accepted > 0);
    }

    [Fact]
    public async Task Generated_comments_read_back_through_the_api_like_posted_ones()
    {
        var (versionId, count) = await app.DbAsync(async db =>
        {
            var v3 = await db.DraftVersions.SingleAsync(v => v.Guideline.Slug == AppFactory.SampleSlug && v.Number == 3);
            return (v3.Id, await db.Comments.CountAsync(c => c.VersionId == v3.Id));
        });
        var client = await app.SignInAsync("secretariat@demo.local");

        using var answer = JsonDocument.Parse(await client.GetStringAsync($"/api/versions/{versionId}/comments"));

        var comments = answer.RootElement.GetProperty("comments").EnumerateArray().ToList();
        Assert.Equal(count, comments.Count);
        Assert.Contains(comments, c => c.GetProperty("status").GetString() == "withdrawn");
        Assert.Contains(comments, c => c.GetProperty("hidden").ValueKind == JsonValueKind.Object);
        Assert.Contains(comments, c => c.GetProperty("disposition").ValueKind == JsonValueKind.Object && c.GetProperty("disposition").GetProperty("observation").GetString()!.Length > 0);
        Assert.Contains(comments, c => c.GetProperty("replyCount").GetInt32() > 0);
    }
}

public sealed class DemoConsultationTests(DemoConsultationFactory app) : IClassFixture<DemoConsultationFactory>
{
    [Fact]
    public async Task Development_starts_with_the_small_demo_consultation_on_v3()
    {
        var (users, comments, takeaways) = await app.DbAsync(async db =>
        {
            var generated = db.Users.Where(u => u.Email!.EndsWith("@" + GeneratedConsultation.EmailDomain));
            return (
                await generated.CountAsync(),
                await db.Comments.CountAsync(c => c.ParentId == null && generated.Any(u => u.Id == c.AuthorId) && db.DraftVersions.Any(v => v.Id == c.VersionId && v.Number == 3)),
                await db.Meetings.Where(m => m.Slug == "generated-v3").SelectMany(m => m.Days).SelectMany(d => d.Agenda).SelectMany(a => a.Rooms).SumAsync(r => db.Takeaways.Count(t => t.RoomId == r.Id)));
        });
        var client = await app.SignInAsync("secretariat@demo.local");

        var rollup = await client.GetStringAsync($"/guidelines/{AppFactory.SampleSlug}/v/3/rollup");

        Assert.Equal((40, 120, 12), (users, comments, takeaways));
        Assert.DoesNotContain("<strong>0 items</strong>", rollup, StringComparison.Ordinal);
    }
}
