using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Rollups;
using GuidelinesReview.Core.Translations;

namespace GuidelinesReview.Tests.Core;

/// <summary>The rules behind reading and commenting on a localized version: a comment's language, the share translated, language as a filter.</summary>
public sealed class LocalizedReadingRulesTests
{
    private static readonly string[] Guideline = ["en", "ar", "zh", "fr", "ru", "es"];

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("EN", null)]
    [InlineData("fr", "fr")]
    [InlineData(" FR ", "fr")]
    [InlineData("ar", "ar")]
    public void A_comment_s_language_is_stored_as_the_guideline_spells_it_and_null_for_the_version_s_own(string? given, string? stored)
    {
        Assert.Equal((stored, null), CommentLanguage.Check(given, "en", Guideline, quoted: false));
    }

    [Fact]
    public void A_language_the_guideline_does_not_list_is_refused_with_its_languages()
    {
        var (language, problem) = CommentLanguage.Check("de", "en", Guideline, quoted: false);

        Assert.Null(language);
        Assert.Equal("'de' is not one of this guideline's languages (English (en), Arabic (ar), Chinese (zh), French (fr), Russian (ru), Spanish (es)); nothing was saved.", problem);
        Assert.EndsWith("…' is not one of this guideline's languages (English (en)); nothing was saved.", CommentLanguage.Check(new string('x', 300), "en", ["en"], quoted: false).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_is_taken_only_on_the_source_text()
    {
        Assert.Equal((null, null), CommentLanguage.Check("en", "en", Guideline, quoted: true));
        Assert.Equal((null, null), CommentLanguage.Check(null, "en", Guideline, quoted: true));
        var (language, problem) = CommentLanguage.Check("fr", "en", Guideline, quoted: true);
        Assert.Null(language);
        Assert.Equal("A passage can be quoted only on the English text. On the French version, comment on the whole paragraph and quote the words in your comment; nothing was saved.", problem);
    }

    [Theory]
    [InlineData(0, 0, 100, "100\u00a0%")]
    [InlineData(0, 363, 0, "0\u00a0%")]
    [InlineData(105, 363, 28, "28\u00a0%")]
    [InlineData(362, 363, 99, "99\u00a0%")]
    [InlineData(363, 363, 100, "100\u00a0%")]
    public void The_share_translated_is_rounded_down_so_100_means_all(int approved, int segments, int percent, string text)
    {
        var progress = new ApprovedShare(approved, segments);

        Assert.Equal((percent, text), (progress.Percent, progress.PercentText));
    }

    [Fact]
    public void The_rollup_counts_comments_per_language_and_filters_on_it_which_leaves_only_comments()
    {
        var at = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        RollupItem[] items =
        [
            new(RollupItemKind.Comment, 1, [1], [11], at, StakeholderGroup.Academia, Language: "en"),
            new(RollupItemKind.Comment, 2, [1], [11], at, StakeholderGroup.Academia, Language: "fr"),
            new(RollupItemKind.Comment, 3, [1], [], at, StakeholderGroup.Academia, Language: "FR"),
            new(RollupItemKind.Takeaway, 4, [1], [11], at, RoomId: 1),
        ];

        var all = Rollup.Build(items, RollupFilter.None);
        var french = Rollup.Build(items, new RollupFilter { Languages = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "fr" } });

        Assert.Equal(new Dictionary<string, int> { ["en"] = 1, ["fr"] = 2 }, all.ByLanguage);
        Assert.Equal([2, 3], french.Items.Select(i => i.Id));
        Assert.Equal(2, french.AreaTotal(1));
    }

    [Fact]
    public void The_disposition_table_filters_on_the_language_written_in()
    {
        DispositionRow Row(int id, string language) => new(id, "s1-p1", ["s1"], CommentType.General, CommentStatus.Active, false, null,
            new HashSet<string>(), new HashSet<string>(), "Academia", null, language);
        DispositionRow[] rows = [Row(1, "en"), Row(2, "fr"), Row(3, "ar")];

        Assert.Equal([2], rows.Where(new DispositionFilter(Language: "FR").Matches).Select(r => r.CommentId));
        Assert.Equal([1], rows.Where(new DispositionFilter(Language: "en").Matches).Select(r => r.CommentId));
        Assert.False(new DispositionFilter(Language: "fr").IsEmpty);
    }
}
