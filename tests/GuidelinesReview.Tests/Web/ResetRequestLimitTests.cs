using System.Net;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Tests.Web;

/// <summary>Reset links asked for from one network: limited per client address, whichever addresses are typed.</summary>
public sealed class ResetRequestLimitTests : IDisposable
{
    private readonly ConfiguredAppFactory app = new("Development", new Dictionary<string, string>
    {
        ["GuidelinesReview:Mail:ResetRequestsPerAddressPerHour"] = "2",
    });

    [Fact]
    public async Task A_third_request_from_one_address_within_the_hour_is_refused_whatever_the_e_mail_and_queues_nothing()
    {
        var emails = Enumerable.Range(1, 3).Select(i => $"expert{i + 1}@demo.local").ToList(); // real accounts: each would get a mail
        var answers = new List<HttpResponseMessage>();
        foreach (var email in emails)
        {
            answers.Add(await AppFactory.PostFormAsync(app.Anonymous(), "/account/forgot-password", new() { ["Email"] = email }));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        Assert.Contains("Too many links were asked for from your network in the last hour (at most 2); nothing was sent.", await answers[2].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.DbAsync(db => db.OutboxMails.CountAsync(m => m.To == emails[2])));
        Assert.Equal(2, await app.DbAsync(db => db.OutboxMails.CountAsync(m => m.Kind == "password-reset")));
    }

    public void Dispose() => app.Dispose();
}
