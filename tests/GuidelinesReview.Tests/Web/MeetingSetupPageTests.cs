using System.Globalization;
using GuidelinesReview.Core.Meetings;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Tests.Web;

/// <summary>The meeting set-up form (/meetings/{slug}/edit) with values the page never offers.</summary>
[Collection(AppCollection.Name)]
public sealed class MeetingSetupPageTests(AppFactory app)
{
    [Fact]
    public async Task An_agenda_item_of_no_known_kind_is_reported_with_the_other_problems_and_nothing_is_saved()
    {
        const string edit = "/meetings/egm-2/edit";
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        var day = await app.DbAsync(db => db.Meetings.Where(m => m.Slug == "egm-2").SelectMany(m => m.Days).OrderBy(d => d.Date).Select(d => d.Id).FirstAsync());
        var recap = await app.DbAsync(db => db.Meetings.Where(m => m.Slug == "egm-2").SelectMany(m => m.Days).SelectMany(d => d.Agenda).SingleAsync(a => a.Title == "Recap of day one"));
        string S(int value) => value.ToString(CultureInfo.InvariantCulture);

        var response = await AppFactory.PostFormAsync(secretariat, edit, new()
        {
            ["Title"] = "Second expert group meeting on the people-centred smart city guidelines", ["TimeZone"] = "Africa/Nairobi",
            ["Items[0].Id"] = "0", ["Items[0].DayId"] = S(day), ["Items[0].Time"] = "17:00", ["Items[0].Title"] = "Drinks", ["Items[0].Kind"] = "bogus",
            ["Items[1].Id"] = "0", ["Items[1].DayId"] = S(day), ["Items[1].Time"] = "17:30", ["Items[1].Title"] = "Dinner", ["Items[1].Kind"] = "7",
            ["Items[2].Id"] = S(recap.Id), ["Items[2].DayId"] = S(recap.DayId), ["Items[2].Time"] = "09:45", ["Items[2].Title"] = recap.Title, ["Items[2].Kind"] = "Party",
            ["Items[3].Id"] = "0", ["Items[3].DayId"] = S(day), ["Items[3].Time"] = "late", ["Items[3].Title"] = "Walk", ["Items[3].Kind"] = "Plenary",
        });
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var after = await app.DbAsync(db => db.Meetings.Where(m => m.Slug == "egm-2").SelectMany(m => m.Days).SelectMany(d => d.Agenda).ToListAsync());

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose whether 'Drinks' is a plenary or a breakout session.", html, StringComparison.Ordinal);
        Assert.Contains("Choose whether 'Dinner' is a plenary or a breakout session.", html, StringComparison.Ordinal);
        Assert.Contains("Choose whether 'Recap of day one' is a plenary or a breakout session.", html, StringComparison.Ordinal);
        Assert.Contains("The time of 'Walk' must be written as HH:mm.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(after, a => a.Title is "Drinks" or "Dinner" or "Walk");
        var stored = after.Single(a => a.Id == recap.Id);
        Assert.Equal((recap.Time, AgendaKind.Plenary), (stored.Time, stored.Kind));
    }
}
