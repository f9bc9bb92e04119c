namespace GuidelinesReview.TestIdentityProvider;

/// <summary>Runs the provider on its own (scripts/run.sh, the e2e tests); in a namespace, so it is not the web app's <c>Program</c>.</summary>
internal static class Program
{
    private static async Task Main(string[] args) => await TestProvider.Build(args).RunAsync();
}
