using GuidelinesReview.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Mail;

/// <summary>
/// Absolute links for places outside the browser (mail, the invitation link to copy): on the
/// address in GuidelinesReview:PublicBaseUrl, else on the scheme and host of the current request.
/// </summary>
public sealed class PublicLinks(IOptions<AppOptions> options, IHttpContextAccessor http, LinkGenerator links)
{
    /// <summary>The absolute address of a Razor page (e.g. "/Account/ConfirmEmail") with its query values.</summary>
    public string Page(string page, object? values = null)
    {
        var path = links.GetPathByPage(page, handler: null, values)
            ?? throw new InvalidOperationException($"No route to the page {page}.");
        return Absolute(path);
    }

    public string Absolute(string pathAndQuery)
    {
        if (!string.IsNullOrEmpty(options.Value.PublicBaseUrl))
        {
            return options.Value.PublicBaseUrl.TrimEnd('/') + pathAndQuery;
        }

        var request = http.HttpContext?.Request
            ?? throw new InvalidOperationException("Set GuidelinesReview:PublicBaseUrl: a link is needed outside a request, where there is no address to take it from.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}{pathAndQuery}";
    }
}
