using System.Text;
using System.Text.Encodings.Web;
using OpenIddict.Abstractions;

namespace GuidelinesReview.TestIdentityProvider;

/// <summary>
/// The provider's sign-in page: pick a demo identity or type one. Each form posts the original
/// authorization request back with the chosen identity, so the provider keeps no session of its own.
/// </summary>
public static class SignInPage
{
    /// <summary>Demo identities; the first matches the invitation the app's Development seeding creates.</summary>
    public static readonly IReadOnlyList<(string Name, string Email, bool Verified, string Note)> DemoIdentities =
    [
        ("Amina Diallo", "amina.expert@org.example", true, "invited as Expert in Development"),
        ("Jonas Weber", "jonas.weber@ministry.example", true, "no invitation"),
        ("Amina Diallo (address not verified)", "amina.expert@org.example", false, "the provider does not vouch for the address"),
    ];

    public static string Render(OpenIddictRequest request, string? problem = null)
    {
        var html = HtmlEncoder.Default;
        var hidden = new StringBuilder();
        foreach (var (name, value) in request.GetParameters())
        {
            if (!name.StartsWith("tip_", StringComparison.Ordinal) && (string?)value is { } text)
            {
                hidden.Append($"<input type=\"hidden\" name=\"{html.Encode(name)}\" value=\"{html.Encode(text)}\">");
            }
        }

        var page = new StringBuilder();
        page.Append("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Test identity provider: sign in</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; line-height: 1.5; }
            .note { background: #fff4ce; border: 1px solid #c19c00; padding: .5rem .75rem; }
            .problem { background: #fde7e9; border: 1px solid #a4262c; padding: .5rem .75rem; }
            ul { list-style: none; padding: 0; }
            li form { margin: 0 0 .5rem; }
            button { font: inherit; padding: .5rem .9rem; border-radius: .25rem; border: 1px solid #0f5ea8; background: #0f6cbd; color: #fff; cursor: pointer; min-height: 44px; }
            button.secondary { background: #fff; color: #0f5ea8; }
            label { display: block; margin-top: .75rem; }
            input[type=text], input[type=email] { font: inherit; width: 100%; box-sizing: border-box; padding: .4rem; border: 1px solid #616161; border-radius: .25rem; }
            .check { display: flex; gap: .5rem; align-items: center; }
            .check input { width: 1.25rem; height: 1.25rem; }
            fieldset { border: 1px solid #c8c8c8; border-radius: .25rem; margin-top: 1.5rem; }
            .small { font-size: .9rem; color: #424242; }
            </style>
            </head>
            <body>
            <main>
            <h1>Test identity provider</h1>
            <p class="note">For development and tests only: it signs you in as whoever you say you are.</p>
            """);
        if (problem is not null)
        {
            page.Append($"<p class=\"problem\" role=\"alert\">{html.Encode(problem)}</p>");
        }

        page.Append("<h2>Sign in as a demo person</h2><ul>");
        foreach (var (name, email, verified, note) in DemoIdentities)
        {
            page.Append($"""
                <li><form method="post" action="/connect/authorize">{hidden}
                <input type="hidden" name="{TestProvider.EmailField}" value="{html.Encode(email)}">
                <input type="hidden" name="{TestProvider.NameField}" value="{html.Encode(name)}">
                <input type="hidden" name="{TestProvider.VerifiedField}" value="{(verified ? "true" : "false")}">
                <button type="submit">{html.Encode(name)}</button> <span class="small">{html.Encode(email)}: {html.Encode(note)}</span>
                </form></li>
                """);
        }

        page.Append($"""
            </ul>
            <form method="post" action="/connect/authorize">{hidden}
            <fieldset>
            <legend>Or say who you are</legend>
            <label for="email">Email</label>
            <input id="email" type="email" name="{TestProvider.EmailField}" autocomplete="off" required>
            <label for="name">Name</label>
            <input id="name" type="text" name="{TestProvider.NameField}" autocomplete="off">
            <p class="check"><input id="verified" type="checkbox" name="{TestProvider.VerifiedField}" value="true" checked><label for="verified" style="margin:0">The provider vouches for this address (<code>email_verified</code>)</label></p>
            <label for="roles">App roles in the token (<code>roles</code>, comma-separated)</label>
            <input id="roles" type="text" name="{TestProvider.RolesField}" autocomplete="off">
            <p><button type="submit">Sign in</button></p>
            </fieldset>
            </form>
            <form method="post" action="/connect/authorize">{hidden}
            <p><button type="submit" class="secondary" name="{TestProvider.CancelField}" value="1">Cancel and go back</button></p>
            </form>
            </main>
            </body>
            </html>
            """);
        return page.ToString();
    }
}
