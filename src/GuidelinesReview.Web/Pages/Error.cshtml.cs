using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Something went wrong";
    public string Explanation { get; private set; } = "The request could not be completed. Nothing you had saved was changed.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Heading, Explanation) = code switch
        {
            404 => ("Page not found", "There is no page at this address. It may have been mistyped, or the draft it points to may not exist."),
            400 => ("The request was not understood", "Something in the request was not valid. Go back and try again."),
            403 => ("Not allowed", "Your account does not have access to this page."),
            429 => ("Too many requests", "Please wait a moment and try again."),
            413 => ("The file is too large", "Uploads can be at most 2 MB. Nothing was saved."),
            _ => (Heading, Explanation),
        };
    }
}
