using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace GuidelinesReview.Web.Accounts;

/// <summary>
/// <c>create-admin --email E --password P [--name N]</c>: makes the first Admin of a production
/// installation, where no demo accounts exist. Applies migrations first.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    private static readonly string[] OwnOptions = ["--email", "--password", "--name"];

    /// <summary>The arguments left for the host (e.g. configuration overrides), without the command's own.</summary>
    public static string[] HostArguments(string[] args)
    {
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (OwnOptions.Contains(args[i]))
            {
                i++;
                continue;
            }

            rest.Add(args[i]);
        }

        return [.. rest];
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        string? Option(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        var email = Option("--email");
        // The password may come from the environment, so it need not appear in the process list or shell history.
        var password = Option("--password") ?? Environment.GetEnvironmentVariable("GR_ADMIN_PASSWORD");
        var name = Option("--name") ?? "Administrator";
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            await Console.Error.WriteLineAsync("usage: create-admin --email you@example.org [--password <at least 10 characters> | GR_ADMIN_PASSWORD in the environment] [--name \"Your Name\"]");
            return 2;
        }

        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            await Console.Error.WriteLineAsync($"An account for {email} already exists; nothing was changed.");
            return 1;
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTime.UtcNow };
        var errors = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(user, password, Roles.Admin);
        if (errors.Count > 0)
        {
            await Console.Error.WriteLineAsync($"Could not create {email}: {string.Join(" ", errors)}");
            return 1;
        }

        Console.WriteLine($"Created Admin account {email}.");
        return 0;
    }
}
