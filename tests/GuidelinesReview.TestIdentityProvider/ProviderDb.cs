using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.TestIdentityProvider;

/// <summary>OpenIddict's stores: registered apps and the authorization codes, so a code redeemed twice is refused.</summary>
public sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
