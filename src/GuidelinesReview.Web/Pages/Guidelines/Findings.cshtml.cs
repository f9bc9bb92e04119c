using System.Text;
using GuidelinesReview.Core.Rollups;
using GuidelinesReview.Web.Rollups;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages.Guidelines;

/// <summary>The consultation findings report for the rollup's filters, as Word, Markdown, or the disposition table as CSV.</summary>
public sealed class FindingsModel(FindingsReportService reports) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, int number, string? format, CancellationToken ct)
    {
        if (format is not ("docx" or "md" or "csv"))
        {
            return BadRequest("Choose a format: format=docx (Word), format=md (Markdown) or format=csv (disposition table).");
        }

        if (await reports.BuildAsync(slug, number, Request.Query, ct) is not var (report, comments))
        {
            return NotFound();
        }

        var name = $"{slug}-v{number}";
        return format switch
        {
            "docx" => File(FindingsWord.Build(report), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{name}-findings.docx"),
            "md" => File(Encoding.UTF8.GetBytes(FindingsExport.Markdown(report)), "text/markdown; charset=utf-8", $"{name}-findings.md"),
            _ => File(FindingsExport.Csv(comments), "text/csv; charset=utf-8", $"{name}-dispositions.csv"),
        };
    }
}
