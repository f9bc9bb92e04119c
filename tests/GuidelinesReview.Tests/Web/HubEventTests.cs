namespace GuidelinesReview.Tests.Web;

/// <summary>
/// The real client drops an event it has no handler for, or whose arguments do not fit the
/// handler, with only a log line; a test waiting for it would time out without saying why.
/// </summary>
public sealed class HubEventTests
{
    [Fact]
    public void Every_event_a_hub_pushes_has_a_record_with_the_same_parameters()
    {
        var pushed = HubEvents.PushedByTheApp().ToList();
        var records = HubEvents.Signatures;

        Assert.NotEmpty(pushed);
        Assert.All(pushed, method =>
        {
            Assert.True(records.ContainsKey(method.Name), $"No record for {method.DeclaringType!.Name}.{method.Name}");
            Assert.Equal(method.GetParameters().Select(p => p.ParameterType), records[method.Name]);
        });
    }
}
