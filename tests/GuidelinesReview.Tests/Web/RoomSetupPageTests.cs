using System.Net;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Tests.Web;

/// <summary>The room set-up page (/meetings/{slug}/rooms/{id}/edit).</summary>
[Collection(AppCollection.Name)]
public sealed class RoomSetupPageTests(AppFactory app)
{
    [Fact]
    public async Task A_room_set_up_under_another_meetings_address_is_not_found_and_keeps_its_tags()
    {
        var room = await app.NewRoomAsync("moderator3", "notetaker3", "expert6");
        var inclusion = await app.DbAsync(db => db.GuidelineTerms.Where(t => t.Key == "inclusion" && t.Kind == GuidelinesReview.Core.Content.TaxonomyKind.Principle && db.Guidelines.Any(g => g.Id == t.GuidelineId && g.Slug == AppFactory.SampleSlug)).Select(t => t.Id).SingleAsync());
        var secretariat = await app.SignInAsync("secretariat@demo.local");
        Dictionary<string, string> Form(string title) => new() { ["Title"] = title, ["Sections"] = "s9" };
        var tagged = await AppFactory.PostFormAsync(secretariat, $"/meetings/egm-2/rooms/{room}/edit", new(Form("Tagged room")) { ["TermIds"] = inclusion.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var page = await secretariat.GetStringAsync($"/meetings/egm-2/rooms/{room}/edit");

        var wrongGet = await secretariat.GetAsync($"/meetings/no-such-meeting/rooms/{room}/edit");
        var wrongPost = await AppFactory.PostFormAsync(secretariat, $"/meetings/no-such-meeting/rooms/{room}/edit", Form("Renamed elsewhere"), $"/meetings/egm-2/rooms/{room}/edit");
        var after = await app.DbAsync(db => db.BreakoutRooms.AsNoTracking().Include(r => r.Tags).SingleAsync(r => r.Id == room));

        Assert.Equal(HttpStatusCode.Redirect, tagged.StatusCode);
        Assert.Contains($"id=\"term-{inclusion}\" checked=\"checked\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, wrongGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongPost.StatusCode);
        Assert.Equal("Tagged room", after.Title);
        Assert.Equal([inclusion], after.Tags.Select(t => t.TermId));
    }
}
