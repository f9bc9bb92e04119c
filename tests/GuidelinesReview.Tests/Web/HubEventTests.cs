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
        var clients = HubEvents.ClientsOfTheApp().ToList();

        Assert.NotEmpty(clients);
        Assert.All(clients, client =>
        {
            Assert.True(HubEvents.ByClient.TryGetValue(client, out var records), $"No records for the events of {client.Name}");
            var byName = records!.ToDictionary(r => r.Name);
            Assert.Equal(client.GetMethods().Select(m => m.Name).Order(), byName.Keys.Order());
            Assert.All(client.GetMethods(), method =>
                Assert.Equal(method.GetParameters().Select(p => p.ParameterType), HubEvents.Signature(byName[method.Name])));
        });
    }
}
