using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Infrastructure;

var command = args.FirstOrDefault() == CreateAdminCommand.Name ? CreateAdminCommand.Name : null;
var builder = WebApplication.CreateBuilder(command is null ? args : CreateAdminCommand.HostArguments(args));
builder.AddGuidelinesReview();
var app = builder.Build();

if (command is not null)
{
    return await CreateAdminCommand.RunAsync(app, args);
}

using (var scope = app.Services.CreateScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
}

app.UseGuidelinesReview();
await app.RunAsync();
return 0;

public partial class Program;
