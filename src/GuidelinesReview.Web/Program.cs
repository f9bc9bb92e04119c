using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Backups;
using GuidelinesReview.Web.Infrastructure;

try
{
    var command = args.FirstOrDefault() is { } first && (first == CreateAdminCommand.Name || BackupCommand.Handles(first)) ? first : null;
    var builder = WebApplication.CreateBuilder(command switch
    {
        null => args,
        CreateAdminCommand.Name => CreateAdminCommand.HostArguments(args),
        _ => BackupCommand.HostArguments(args),
    });
    builder.AddGuidelinesReview();
    var app = builder.Build();

    if (command == CreateAdminCommand.Name)
    {
        return await CreateAdminCommand.RunAsync(app, args);
    }

    if (command is not null)
    {
        return await BackupCommand.RunAsync(app, args);
    }

    // Before the migrations: a restore refuses to run under a serving app, and an app does not start under a restore.
    using var serving = app.Services.GetRequiredService<DatabaseFile>().HoldWhileServing();
    using (var scope = app.Services.CreateScope())
    {
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
    }

    app.UseGuidelinesReview();
    await app.RunAsync();
}
catch (StartupRefusedException e)
{
    // What to change, without a stack trace after it (see StartupRefusedException).
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

return 0;

public partial class Program;
