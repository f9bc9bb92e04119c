using System.Net;
using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// The app with the production limit on failed sign-ins per address, on a test clock, where each
/// client says which address it comes from (the test server has none of its own).
/// </summary>
public sealed class SignInLimitAppFactory() : AppFactory("Development", failedSignInsPerMinute: new AppOptions().FailedSignInsPerMinute)
{
    public const string AddressHeader = "X-Test-Client-Address";

    /// <summary>One venue's Wi-Fi: everyone in the room comes from this address.</summary>
    public const string Venue = "203.0.113.7";

    public TestClock Clock { get; } = new();

    public HttpClient From(string address)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
        });
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[AddressHeader].FirstOrDefault() ?? Venue);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Sign-in limits that fit a meeting: the room signs in, the guesser is stopped.</summary>
public sealed class SignInLimitTests : IDisposable
{
    private readonly SignInLimitAppFactory app = new();

    private int Limit => new AppOptions().FailedSignInsPerMinute;

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..20] + "@example.org";

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        AppFactory.PostFormAsync(client, "/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    [Fact]
    public async Task Sixty_people_behind_one_address_sign_in_within_a_minute_typos_included()
    {
        var people = Enumerable.Range(1, 60).Select(i => Unique($"venue{i}")).ToList();
        foreach (var email in people)
        {
            await app.CreateUserAsync(email, "meeting-password-1", Roles.Expert, "Venue Expert");
        }

        var clients = new List<HttpClient>();
        var typos = 0;
        foreach (var (email, i) in people.Select((e, i) => (e, i)))
        {
            var client = app.From(SignInLimitAppFactory.Venue);
            if (i % 6 == 0)
            {
                // One in six mistypes once first: ten failures, well under the limit.
                var typo = await SignInAsync(client, email, "meeting-pasword-1");
                Assert.Equal(HttpStatusCode.OK, typo.StatusCode);
                typos++;
            }

            var signedIn = await SignInAsync(client, email, "meeting-password-1");
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"person {i + 1} of 60 got {(int)signedIn.StatusCode}: {await signedIn.Content.ReadAsStringAsync()}");
            clients.Add(client);
        }

        Assert.Equal(10, typos);
        foreach (var client in clients)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/guidelines")).StatusCode);
        }
    }

    [Fact]
    public async Task Guessing_across_many_accounts_from_one_address_is_stopped_even_at_the_right_password_and_only_there()
    {
        var guesser = app.From("198.51.100.23");
        for (var i = 0; i < Limit; i++)
        {
            var guess = await SignInAsync(guesser, Unique($"guess{i}"), "password123456");
            Assert.Equal(HttpStatusCode.OK, guess.StatusCode);
        }

        var stopped = await SignInAsync(guesser, "expert@demo.local", AppFactory.Password);
        var stoppedHtml = WebUtility.HtmlDecode(await stopped.Content.ReadAsStringAsync());
        var stillOut = await guesser.GetAsync("/guidelines");
        var elsewhere = await SignInAsync(app.From("192.0.2.40"), "expert@demo.local", AppFactory.Password);
        var venue = await SignInAsync(app.From(SignInLimitAppFactory.Venue), "expert2@demo.local", AppFactory.Password);
        app.Clock.Set(app.Clock.UtcNow.AddSeconds(61));
        var aMinuteLater = await SignInAsync(guesser, "expert@demo.local", AppFactory.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, stopped.StatusCode);
        Assert.InRange(int.Parse(stopped.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Contains($"Too many failed sign-ins from your network in the last minute (at most {Limit}). Nothing was checked; wait", stoppedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, stillOut.StatusCode);
        Assert.StartsWith("/account/login", stillOut.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, venue.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, aMinuteLater.StatusCode);
    }

    [Fact]
    public async Task Guessing_one_account_locks_it_while_the_rest_of_the_room_still_signs_in()
    {
        var email = Unique("target");
        await app.CreateUserAsync(email, "the-right-password", Roles.Expert, "Lock Test");
        var room = app.From(SignInLimitAppFactory.Venue);
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(room, email, $"wrong-password-{i}");
        }

        var locked = await SignInAsync(room, email, "the-right-password");
        var neighbour = await SignInAsync(app.From(SignInLimitAppFactory.Venue), "expert@demo.local", AppFactory.Password);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("The email or password is not correct, or the account is locked after 5 wrong passwords in a row", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, neighbour.StatusCode);
    }

    [Fact]
    public async Task Guessing_invitation_links_counts_as_failed_sign_ins_and_a_stopped_address_creates_no_account()
    {
        var invited = Unique("invited");
        var token = await app.ScopedAsync(async sp =>
        {
            var secretariat = await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<GuidelinesReview.Web.Accounts.AppUser>>().FindByEmailAsync("secretariat@demo.local");
            var created = await sp.GetRequiredService<GuidelinesReview.Web.Accounts.InvitationService>().CreateAsync(invited, Roles.Expert, "Invited Person", 7, secretariat!.Id, CancellationToken.None);
            return created.Token;
        });
        var link = $"/account/invite/{token}";
        var guesser = app.From("198.51.100.77");
        var form = await guesser.GetStringAsync(link); // the form's antiforgery token, before guessing
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await guesser.GetAsync($"/account/invite/guessed-token-{i}")).StatusCode);
        }

        var users = await app.DbAsync(db => db.Users.CountAsync());
        var stoppedRead = await guesser.GetAsync(link);
        var stoppedPost = await guesser.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Profile.DisplayName"] = "Invited Person",
            ["Profile.StakeholderGroup"] = nameof(StakeholderGroup.Academia),
            ["Password"] = "a-long-password-1",
            ["__RequestVerificationToken"] = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value,
        }));
        var stoppedHtml = WebUtility.HtmlDecode(await stoppedPost.Content.ReadAsStringAsync());
        var invitee = await app.From("192.0.2.41").GetAsync(link);

        Assert.Equal(HttpStatusCode.TooManyRequests, stoppedRead.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, stoppedPost.StatusCode);
        Assert.Contains("Too many failed sign-ins from your network in the last minute", stoppedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(invited, stoppedHtml, StringComparison.Ordinal); // not told whether the link is real
        Assert.Equal(users, await app.DbAsync(db => db.Users.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, invitee.StatusCode);
        Assert.Contains(invited, await invitee.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => app.Dispose();
}
