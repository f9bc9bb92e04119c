namespace GuidelinesReview.Core.Backups;

/// <summary>Whether a backup's schema can be put back under this version of the app.</summary>
public enum BackupVerdict
{
    /// <summary>Same schema, or an older one the app brings up to date at its next start.</summary>
    Restorable,

    /// <summary>No migration history of this app: another program's database, or one from before the schema was started again.</summary>
    NotThisApp,

    /// <summary>Made by a newer version of the app: this one would not know its tables.</summary>
    NewerSchema,
}

/// <summary>The verdict on a backup, with the migrations that decided it.</summary>
/// <param name="Unknown">Migrations in the backup this app does not have (the newer ones, or an unrelated history).</param>
/// <param name="Pending">This app's migrations the backup does not have yet; applied at the next start.</param>
public sealed record BackupCheck(BackupVerdict Verdict, IReadOnlyList<string> Unknown, IReadOnlyList<string> Pending)
{
    /// <summary>The sentence for the operator, naming the file and what decided.</summary>
    public string Describe(string file) => Verdict switch
    {
        BackupVerdict.NewerSchema =>
            $"{file} was made by a newer version of GuidelinesReview (its schema has {string.Join(", ", Unknown)}, which this version does not know). " +
            "Restore it with that version or a later one; nothing was restored.",
        BackupVerdict.NotThisApp =>
            $"{file} is a SQLite database but not a GuidelinesReview backup: its migration history has none of this app's migrations" +
            (Unknown.Count > 0 ? $" (it has {string.Join(", ", Unknown)})" : "") + ". Nothing was restored.",
        _ => Pending.Count == 0
            ? $"{file} has this version's schema."
            : $"{file} has an older schema; the next start applies {string.Join(", ", Pending)}.",
    };
}

/// <summary>
/// Compares a backup's EF Core migration history with the app's migrations. Migration ids start
/// with a UTC timestamp (yyyyMMddHHmmss), so ordinal order is the order they were made in.
/// </summary>
public static class BackupCompatibility
{
    /// <param name="applied">The ids in the backup's <c>__EFMigrationsHistory</c>.</param>
    /// <param name="known">The app's migrations, oldest first.</param>
    public static BackupCheck Check(IReadOnlyCollection<string> applied, IReadOnlyList<string> known)
    {
        ArgumentOutOfRangeException.ThrowIfZero(known.Count);
        var knownSet = known.ToHashSet(StringComparer.Ordinal);
        var unknown = applied.Where(m => !knownSet.Contains(m)).Order(StringComparer.Ordinal).ToList();
        var pending = known.Where(m => !applied.Contains(m, StringComparer.Ordinal)).ToList();

        // The first migration is in every database this app ever made; without it the history is someone else's.
        if (!applied.Contains(known[0], StringComparer.Ordinal))
        {
            return new BackupCheck(BackupVerdict.NotThisApp, unknown, pending);
        }

        var newest = known[^1];
        if (unknown.Any(m => string.CompareOrdinal(m, newest) > 0))
        {
            return new BackupCheck(BackupVerdict.NewerSchema, unknown, pending);
        }

        // Unknown ids older than the app's newest are from a branch of the schema this app never had.
        return unknown.Count > 0
            ? new BackupCheck(BackupVerdict.NotThisApp, unknown, pending)
            : new BackupCheck(BackupVerdict.Restorable, unknown, pending);
    }
}
