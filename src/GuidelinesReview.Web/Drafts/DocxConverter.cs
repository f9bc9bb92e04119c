using System.Diagnostics;

namespace GuidelinesReview.Web.Drafts;

/// <summary>
/// Word (.docx) to Markdown with pandoc, when the server has it (Debian package "pandoc").
/// The secretariat still adds the front matter; without pandoc the upload says so clearly.
/// </summary>
public sealed class DocxConverter
{
    public static bool Available => FindPandoc() is not null;

    /// <summary>The Markdown, or null with a reason.</summary>
    public async Task<(string? Markdown, string? Problem)> ConvertAsync(Stream docx, CancellationToken ct)
    {
        var pandoc = FindPandoc();
        if (pandoc is null)
        {
            return (null, "Word files need pandoc on the server, which is not installed here. Save the draft as Markdown and upload that instead.");
        }

        var start = new ProcessStartInfo(pandoc) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--from=docx", "--to=gfm", "--wrap=none" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await docx.CopyToAsync(process.StandardInput.BaseStream, ct);
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0 ? (await output, null) : (null, $"The Word file could not be read: {(await errors).Trim()}");
    }

    private static string? FindPandoc() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, "pandoc")).FirstOrDefault(File.Exists);
}
