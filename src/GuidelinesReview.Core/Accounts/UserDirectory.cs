namespace GuidelinesReview.Core.Accounts;

/// <summary>
/// The admin's list of accounts: what to search for, which role to show, which page. Read from
/// the address (so a filtered page can be linked) and written back into the pager's links.
/// </summary>
public sealed record UserDirectoryQuery(string? Search, string? Role, int Page)
{
    public const int PerPage = 25;

    /// <summary>Longest search kept; a longer one is cut, not refused (it matches nothing anyway).</summary>
    public const int MaxSearch = 100;

    /// <summary>The query as the address gives it: blank search dropped, an unknown role ignored, page at least 1.</summary>
    public static UserDirectoryQuery Parse(string? search, string? role, int? page)
    {
        var q = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        if (q is { Length: > MaxSearch })
        {
            q = q[..MaxSearch];
        }

        return new(q, Roles.IsKnown(role) ? role : null, page is > 0 ? page.Value : 1);
    }

    public bool IsFiltered => Search is not null || Role is not null;

    /// <summary>The page to show of <paramref name="total"/> matches: past the last page shows the last.</summary>
    public UserDirectoryPage Paginate(int total)
    {
        var pages = Math.Max(1, (total + PerPage - 1) / PerPage);
        var page = Math.Min(Page, pages);
        return new UserDirectoryPage(page, pages, total, (page - 1) * PerPage);
    }

    /// <summary>The address's query values for page <paramref name="page"/> of this search (null ones are left out).</summary>
    public IReadOnlyDictionary<string, string?> RouteFor(int page) => new Dictionary<string, string?>
    {
        ["q"] = Search, ["role"] = Role, ["p"] = page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>One page of matches: which, of how many, and where it starts.</summary>
public sealed record UserDirectoryPage(int Page, int Pages, int Total, int Skip)
{
    /// <summary>"Accounts 26–50 of 60", or "No account matches" when there are none.</summary>
    public string Describe(int shown) => Total == 0
        ? "No account matches."
        : $"Accounts {Skip + 1}–{Skip + shown} of {Total}.";
}
