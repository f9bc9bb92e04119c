using GuidelinesReview.Fixtures;

// dotnet run --project tests/GuidelinesReview.Fixtures -- large-draft <content-folder> [seed] [top-sections]
if (args.Length < 2 || args[0] != "large-draft")
{
    Console.Error.WriteLine("usage: large-draft <content-folder> [seed] [top-sections]");
    return 2;
}

var seed = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1;
var sections = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : LargeDraft.DefaultTopSections;
var folder = LargeDraft.WriteContent(args[1], seed, sections);
var size = new FileInfo(Path.Combine(folder, "v1.md")).Length;
Console.WriteLine($"Wrote {folder} ({size / 1024} KB)");
return 0;
