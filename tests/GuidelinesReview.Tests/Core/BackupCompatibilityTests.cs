using GuidelinesReview.Core.Backups;

namespace GuidelinesReview.Tests.Core;

public class BackupCompatibilityTests
{
    private static readonly string[] Known = ["20261201122256_InitialSchema", "20261201145239_Translations", "20261201174922_DataProtectionKeys"];

    [Fact]
    public void A_backup_with_the_apps_own_schema_is_restorable_with_nothing_pending()
    {
        var check = BackupCompatibility.Check(Known, Known);

        Assert.Equal(BackupVerdict.Restorable, check.Verdict);
        Assert.Empty(check.Pending);
        Assert.Equal("b.db has this version's schema.", check.Describe("b.db"));
    }

    [Fact]
    public void An_older_backup_is_restorable_and_names_the_migrations_the_next_start_applies()
    {
        var check = BackupCompatibility.Check(Known[..1], Known);

        Assert.Equal(BackupVerdict.Restorable, check.Verdict);
        Assert.Equal(Known[1..], check.Pending);
        Assert.Equal("b.db has an older schema; the next start applies 20261201145239_Translations, 20261201174922_DataProtectionKeys.", check.Describe("b.db"));
    }

    [Fact]
    public void A_backup_from_a_newer_version_is_refused_naming_the_migration_this_one_does_not_know()
    {
        var check = BackupCompatibility.Check([.. Known, "20270115090000_Attachments"], Known);

        Assert.Equal(BackupVerdict.NewerSchema, check.Verdict);
        Assert.Equal(["20270115090000_Attachments"], check.Unknown);
        Assert.Equal(
            "b.db was made by a newer version of GuidelinesReview (its schema has 20270115090000_Attachments, which this version does not know). Restore it with that version or a later one; nothing was restored.",
            check.Describe("b.db"));
    }

    [Theory]
    [InlineData(new string[0], "b.db is a SQLite database but not a GuidelinesReview backup: its migration history has none of this app's migrations. Nothing was restored.")]
    [InlineData(new[] { "20261121053249_InitialSchema" }, "b.db is a SQLite database but not a GuidelinesReview backup: its migration history has none of this app's migrations (it has 20261121053249_InitialSchema). Nothing was restored.")]
    public void A_history_without_this_apps_first_migration_is_not_a_backup_of_this_app(string[] applied, string message)
    {
        var check = BackupCompatibility.Check(applied, Known);

        Assert.Equal(BackupVerdict.NotThisApp, check.Verdict);
        Assert.Equal(message, check.Describe("b.db"));
    }

    [Fact]
    public void An_unknown_migration_older_than_the_apps_newest_is_another_branch_not_a_newer_schema()
    {
        var check = BackupCompatibility.Check([Known[0], "20261201130000_Experiment"], Known);

        Assert.Equal(BackupVerdict.NotThisApp, check.Verdict);
        Assert.Equal(["20261201130000_Experiment"], check.Unknown);
    }
}
