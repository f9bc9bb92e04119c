using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

[Collection(AppCollection.Name)]
public sealed class BlockPlacesTests(AppFactory app)
{
    [Fact]
    public async Task Every_block_of_the_sample_draft_is_named_by_its_section_title_and_first_words()
    {
        int versionId;
        int blockCount;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            versionId = await db.DraftVersions.Where(v => v.Number == 3 && v.Guideline.Slug == AppFactory.SampleSlug).Select(v => v.Id).SingleAsync();
            blockCount = await db.Blocks.CountAsync(b => b.VersionId == versionId);
        }

        var places = await app.Services.GetRequiredService<BlockPlaces>().ForVersionAsync(versionId);

        Assert.Equal(blockCount, places.Count);
        Assert.Equal("1.1 Purpose of the guidelines: “The purpose of these guidelines is to help…”", places["s1.1-p2"].Label);
        Assert.Equal("1.1 Purpose of the guidelines", places["s1.1"].Label);
        Assert.Null(await app.Services.GetRequiredService<BlockPlaces>().FindAsync(versionId, "s99-p1"));
    }
}
