using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Drafts;
using GuidelinesReview.Fixtures;

namespace GuidelinesReview.Tests.Core;

/// <summary>The sample guideline under content/ must import: every version parses and is tagged.</summary>
public sealed class SampleContentTests
{
    private const string Slug = "people-centred-smart-cities";

    private static readonly Lazy<string> Folder = new(() => Path.Combine(RepoPaths.Content, "guidelines", Slug));

    private static readonly Lazy<GuidelineManifest> Manifest = new(() => GuidelineManifest.Parse(File.ReadAllText(Path.Combine(Folder.Value, "guideline.yml"))));

    public static TheoryData<int> Versions() => [1, 2, 3];

    [Fact]
    public void The_manifest_parses_with_the_seed_taxonomy()
    {
        var manifest = Manifest.Value;

        Assert.Equal(Slug, manifest.Slug);
        Assert.Equal(5, manifest.Taxonomy.ThematicAreas.Count);
        Assert.Equal(10, manifest.Taxonomy.Principles.Count);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Every_version_parses_with_unique_anchors_carried_by_its_html(int number)
    {
        var (file, document) = Load(number);

        Assert.Equal(number, file.FrontMatter.Number);
        Assert.NotEmpty(document.Sections);
        var duplicates = document.Blocks.GroupBy(b => b.Anchor, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"v{number}: anchors used twice: {string.Join(", ", duplicates)}");
        Assert.Equal(document.Sections.Count, document.Sections.Select(s => s.Anchor).Distinct(StringComparer.Ordinal).Count());
        Assert.All(document.Blocks, block =>
        {
            Assert.Contains($"id=\"{block.Anchor}\"", block.Html, StringComparison.Ordinal);
            Assert.Contains($"data-anchor=\"{block.Anchor}\"", block.Html, StringComparison.Ordinal);
            HtmlSafety.AssertSafe(block.Html, $"v{number} block {block.Anchor}");
        });
    }

    [Fact]
    public void Version_3_is_a_full_length_draft()
    {
        var (_, document) = Load(3);

        var words = document.Blocks.Sum(b => b.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);

        Assert.True(words >= 8_000, $"v3 has {words} words");
    }

    [Fact]
    public void Every_area_and_principle_is_tagged_on_some_section_of_version_3()
    {
        var (_, document) = Load(3);

        var areas = document.Sections.SelectMany(s => s.Areas).ToHashSet(StringComparer.Ordinal);
        var principles = document.Sections.SelectMany(s => s.Principles).ToHashSet(StringComparer.Ordinal);

        Assert.All(Manifest.Value.Taxonomy.ThematicAreas, t => Assert.True(areas.Contains(t.Key), $"no section of v3 is tagged with the area '{t.Key}'"));
        Assert.All(Manifest.Value.Taxonomy.Principles, t => Assert.True(principles.Contains(t.Key), $"no section of v3 is tagged with the principle '{t.Key}'"));
    }

    [Fact]
    public void The_sample_meeting_discusses_the_current_draft_and_every_rooms_sections_are_in_it()
    {
        var meeting = GuidelinesReview.Core.Meetings.MeetingDefinition.Parse(File.ReadAllText(Path.Combine(RepoPaths.Content, "meetings", "egm-2.yml")), "egm-2.yml");
        const int newest = 3;
        var (file, document) = Load(newest);
        var sections = document.Sections.Select(s => s.Anchor).ToHashSet(StringComparer.Ordinal);

        Assert.Equal((Slug, newest), (meeting.Guideline, meeting.Version));
        Assert.All(meeting.Rooms, room => Assert.All(room.Sections, anchor =>
            Assert.True(sections.Contains(anchor), $"room '{room.Title}' discusses {anchor}, which v{newest} does not have")));
        Assert.All(meeting.Days, day => Assert.True(day.Date > file.FrontMatter.Date,
            $"the meeting on {day.Date} is before v{newest} was published ({file.FrontMatter.Date:yyyy-MM-dd})"));
    }

    [Fact]
    public void The_demo_comments_name_blocks_of_their_versions_and_cover_both_earlier_drafts()
    {
        var demo = GuidelinesReview.Core.Comments.DemoCommentsFile.Parse(File.ReadAllText(Path.Combine(RepoPaths.Content, "demo", "comments.yml")), "comments.yml");
        var documents = new[] { 1, 2, 3 }.ToDictionary(n => n, n => Load(n).Document);

        Assert.Equal(Slug, demo.Guideline);
        Assert.Equal([1, 2], demo.Comments.Select(c => c.Version).Distinct().Order());
        Assert.All(demo.Comments, c =>
        {
            var block = documents[c.Version].Blocks.FirstOrDefault(b => b.Text.StartsWith(c.Block, StringComparison.Ordinal));
            Assert.True(block is not null, $"no block of v{c.Version} starts with '{c.Block}'");
            Assert.True(c.Quote is null || block!.Text.Contains(c.Quote, StringComparison.Ordinal), $"'{c.Quote}' is not in that block of v{c.Version}");
            Assert.All(c.Replies, r => Assert.True(r.At > c.At, $"a reply to '{c.Block}' is older than the comment"));
            if (c.Decision is { } d)
            {
                Assert.True(d.AddressedIn is null || d.AddressedIn > c.Version, $"the decision on '{c.Block}' is addressed in v{d.AddressedIn}, not after v{c.Version}");
                Assert.True(d.AddressedBlock is null || documents[d.AddressedIn!.Value].Blocks.Any(b => b.Text.StartsWith(d.AddressedBlock, StringComparison.Ordinal)),
                    $"no block of v{d.AddressedIn} starts with '{d.AddressedBlock}'");
            }
        });
        Assert.True(demo.Comments.Count(c => c.Decision is not null) >= 8);
        Assert.True(demo.Comments.Sum(c => c.Replies.Count) >= 4);
    }

    private static (DraftFile File, DraftDocument Document) Load(int number)
    {
        var fileName = $"v{number}.md";
        var file = DraftFile.Parse(File.ReadAllText(Path.Combine(Folder.Value, fileName)), fileName);
        return (file, DraftParser.Parse(file.Body, Manifest.Value.Taxonomy));
    }
}
