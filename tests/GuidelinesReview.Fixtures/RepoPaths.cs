namespace GuidelinesReview.Fixtures;

/// <summary>Where the repository is, found from a test or benchmark's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Content => Path.Combine(Root, "content");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GuidelinesReview.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (GuidelinesReview.sln) above " + AppContext.BaseDirectory);
    }
}
