using System.Net;

namespace GuidelinesReview.Tests.Web;

[Collection(AppCollection.Name)]
public sealed class SecurityTests(AppFactory app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/css/site.css")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await app.Anonymous().GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Pages_contain_no_inline_script()
    {
        var client = await app.SignInAsync("admin@demo.local");

        foreach (var path in new[] { "/", "/guidelines", $"/guidelines/{AppFactory.SampleSlug}/v/3", "/admin/users", "/admin/invitations", "/account/profile", "/account/password", $"/guidelines/{AppFactory.SampleSlug}/v/3/dispositions" })
        {
            var html = await client.GetStringAsync(path);
            var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>");
            // Executable script only from files; JSON data blocks are not executed.
            Assert.All(scripts, s => Assert.True(s.Value.Contains("src=", StringComparison.Ordinal) || s.Value.Contains("type=\"application/json\"", StringComparison.Ordinal), s.Value));
            Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain(" onclick=", html, StringComparison.Ordinal);
            var postForms = System.Text.RegularExpressions.Regex.Matches(html, "<form[^>]*method=\"post\".*?</form>", System.Text.RegularExpressions.RegexOptions.Singleline);
            Assert.All(postForms, f => Assert.Contains("__RequestVerificationToken", f.Value, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site()
    {
        var client = app.Anonymous();
        var token = await AppFactory.AntiforgeryTokenAsync(client, "/account/login");

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "expert@demo.local",
            ["Input.Password"] = AppFactory.Password,
            ["__RequestVerificationToken"] = token,
        }));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("gr.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_password_says_so_without_telling_which_part_was_wrong()
    {
        var response = await AppFactory.PostFormAsync(app.Anonymous(), "/account/login", new()
        {
            ["Input.Email"] = "expert@demo.local",
            ["Input.Password"] = "not-the-password",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or password is not correct, or the account is locked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_redirect_after_sign_in_is_not_followed()
    {
        var client = app.Anonymous();
        var response = await AppFactory.PostFormAsync(client, "/account/login?ReturnUrl=https%3A%2F%2Fevil.example%2F", new()
        {
            ["Input.Email"] = "expert@demo.local",
            ["Input.Password"] = AppFactory.Password,
            ["ReturnUrl"] = "https://evil.example/",
        }, formPage: "/account/login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/guidelines", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Static_files_and_reading_pages_are_compressed_but_pages_with_forms_are_not()
    {
        var client = await app.SignInAsync("expert@demo.local");
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip, br");

        var css = await client.GetAsync("/lib/bootstrap/bootstrap.min.css");
        var draft = await client.GetAsync($"/guidelines/{AppFactory.SampleSlug}/v/3");
        var form = await client.GetAsync("/account/profile");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains(css.Content.Headers.ContentEncoding, e => e is "br" or "gzip");
        Assert.Contains("max-age", css.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains(draft.Content.Headers.ContentEncoding, e => e is "br" or "gzip");
        Assert.DoesNotContain("__RequestVerificationToken", await draft.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(form.Content.Headers.ContentEncoding);
    }
}
