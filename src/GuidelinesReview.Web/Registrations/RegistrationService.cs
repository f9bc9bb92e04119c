using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Consultations;
using GuidelinesReview.Core.Mail;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Consultations;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Registrations;

/// <summary>A public window open (or opening) somewhere, for the registration page.</summary>
public sealed record OpenConsultation(string GuidelineTitle, string GuidelineSlug, int VersionNumber, ConsultationPeriod Period);

/// <summary>A registration as the secretariat's list shows it.</summary>
public sealed record RegistrationRow(
    string UserId,
    string DisplayName,
    string Organisation,
    StakeholderGroup StakeholderGroup,
    Region? Region,
    string Email,
    DateTime RegisteredAt,
    bool Confirmed,
    int Comments,
    DateTime? SuspendedAt,
    string? SuspendedReason);

/// <summary>
/// Open registration for public consultations: anyone may register while a public window is open,
/// with the Public role only; the secretariat lists registrations and suspends or reinstates one.
/// </summary>
public sealed partial class RegistrationService(
    AppDbContext db,
    UserManager<AppUser> users,
    AccountService accounts,
    AccountStamps stamps,
    ConsultationService consultations,
    AccountMails mails,
    MailOutbox outbox,
    PublicLinks links,
    ILogger<RegistrationService> logger)
{
    /// <summary>The mail's kind when an address that has an account is registered again.</summary>
    public const string AttemptKind = "registration-attempt";

    private const string NotAllowed = "Only the secretariat manages public registrations.";

    /// <summary>Public windows open now and to come (opening first), with their guideline and version.</summary>
    public async Task<(IReadOnlyList<OpenConsultation> Open, OpenConsultation? Next)> ConsultationsAsync(CancellationToken ct)
    {
        var now = consultations.Now;
        var windows = await consultations.PublicWindowsAsync(ct);
        var versionIds = windows.Select(w => w.VersionId).ToList();
        var versions = await db.DraftVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
            .Select(v => new { v.Id, v.Number, v.Guideline.Title, v.Guideline.Slug }).ToDictionaryAsync(v => v.Id, ct);
        var all = windows.Select(w => new OpenConsultation(versions[w.VersionId].Title, versions[w.VersionId].Slug, versions[w.VersionId].Number, w.Period)).ToList();
        return (all.Where(c => c.Period.IsOpenAt(now)).OrderBy(c => c.Period.ClosesAt).ToList(),
            all.Where(c => c.Period.OpensAt > now).MinBy(c => c.Period.OpensAt));
    }

    /// <summary>
    /// Registers a member of the public. The answer is the same whether or not the address already
    /// has an account (no enumeration): only problems with what was typed are reported, and when the
    /// address is taken its owner is told by mail instead. Returns the problems; none means "check your mail".
    /// </summary>
    public async Task<IReadOnlyList<string>> RegisterAsync(string email, NewAccount account, CancellationToken ct)
    {
        var (open, next) = await ConsultationsAsync(ct);
        if (open.Count == 0)
        {
            return [next is null
                ? "No consultation is open for registration now."
                : $"No consultation is open for registration now; the next opens on {ConsultationRules.Describe(next.Period.OpensAt)}."];
        }

        email = email.Trim();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = false,
            DisplayName = account.DisplayName.Trim(),
            Organisation = account.Organisation.Trim(),
            StakeholderGroup = account.StakeholderGroup,
            Region = account.Region,
            CreatedAt = consultations.Now,
        };

        // The password is judged before the address is looked up, so a weak one is refused alike for both.
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, account.Password);
            problems.AddRange(result.Errors.Select(e => e.Description));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        if (await users.FindByEmailAsync(email) is { } owner)
        {
            LogAlreadyRegistered(owner.Id);
            await TellOwnerAsync(owner, ct);
            return [];
        }

        // Tracked before the account is created, so the account's transaction saves it too: both or neither.
        db.PublicRegistrations.Add(new PublicRegistration { UserId = user.Id, RegisteredAt = user.CreatedAt });
        var errors = await accounts.CreateAsync(user, account.Password, Roles.Public);
        if (errors.Count > 0)
        {
            return errors;
        }

        LogRegistered(user.Id, user.StakeholderGroup.ToString());
        await mails.SendAddressConfirmationAsync(user, ct);
        return [];
    }

    /// <summary>
    /// A member of the public who signs in with their organisation while a public consultation is
    /// open: an account with the public role only (the provider vouched for the address, so it is
    /// confirmed) and the organisation login, listed with the other registrations. Null when no
    /// public consultation is open, or when the account could not be made (the errors).
    /// </summary>
    public async Task<(AppUser? User, IReadOnlyList<string> Errors)> RegisterExternalAsync(string email, string? name, UserLoginInfo login, CancellationToken ct)
    {
        if ((await ConsultationsAsync(ct)).Open.Count == 0)
        {
            return (null, []);
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(name) ? email : name.Trim(),
            CreatedAt = consultations.Now,
        };
        db.PublicRegistrations.Add(new PublicRegistration { UserId = user.Id, RegisteredAt = user.CreatedAt });
        var errors = await accounts.CreateExternalAsync(user, [Roles.Public], login);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        LogRegistered(user.Id, user.StakeholderGroup.ToString());
        return (user, []);
    }

    /// <summary>Every registration, newest first, with its comment count.</summary>
    public async Task<IReadOnlyList<RegistrationRow>> ListAsync(CancellationToken ct) =>
        await (from r in db.PublicRegistrations.AsNoTracking()
               join u in db.Users on r.UserId equals u.Id
               orderby r.RegisteredAt descending
               select new RegistrationRow(
                   u.Id, u.DisplayName, u.Organisation, u.StakeholderGroup, u.Region, u.Email ?? "", r.RegisteredAt, u.EmailConfirmed,
                   db.Comments.Count(c => c.AuthorId == u.Id), r.SuspendedAt, r.SuspendedReason))
            .ToListAsync(ct);

    /// <summary>
    /// Suspends a registration: the account is locked out with no end and its security stamp renewed,
    /// so open pages and connections are cut off at their next request or call. Comments stay.
    /// Null when done, else why not (and nothing changed).
    /// </summary>
    public async Task<string?> SuspendAsync(Caller caller, string userId, string? reason, CancellationToken ct)
    {
        if (!caller.CanModerate)
        {
            return NotAllowed;
        }

        if (PublicRegistrationRules.CheckSuspensionReason(reason) is { } problem)
        {
            return problem;
        }

        var (registration, user) = await FindAsync(userId, ct);
        if (registration is null || user is null)
        {
            return "That registration does not exist; it may have been removed.";
        }

        if (registration.SuspendedAt is not null)
        {
            return $"{user.DisplayName} is already suspended.";
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        (registration.SuspendedAt, registration.SuspendedReason, registration.SuspendedById) = (consultations.Now, reason!.Trim(), caller.UserId);
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        var result = await users.UpdateSecurityStampAsync(user); // saves the lockout and the registration too
        if (!result.Succeeded)
        {
            return $"{user.DisplayName} could not be suspended: {string.Join(" ", result.Errors.Select(e => e.Description))}";
        }

        await transaction.CommitAsync(ct);
        stamps.Forget(user.Id);
        LogSuspended(user.Id, caller.UserId);
        return null;
    }

    /// <summary>Lifts a suspension; null when done, else why not.</summary>
    public async Task<string?> ReinstateAsync(Caller caller, string userId, CancellationToken ct)
    {
        if (!caller.CanModerate)
        {
            return NotAllowed;
        }

        var (registration, user) = await FindAsync(userId, ct);
        if (registration is null || user is null)
        {
            return "That registration does not exist; it may have been removed.";
        }

        if (registration.SuspendedAt is null)
        {
            return $"{user.DisplayName} is not suspended.";
        }

        (registration.SuspendedAt, registration.SuspendedReason, registration.SuspendedById) = (null, null, null);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return $"{user.DisplayName} could not be reinstated: {string.Join(" ", result.Errors.Select(e => e.Description))}";
        }

        LogReinstated(user.Id, caller.UserId);
        return null;
    }

    /// <summary>The owner of an address someone registered with hears of it, instead of the person registering.</summary>
    private Task TellOwnerAsync(AppUser owner, CancellationToken ct)
    {
        var content = MailBody.Start()
            .Paragraph(string.IsNullOrWhiteSpace(owner.DisplayName) ? "Hello," : $"Hello {owner.DisplayName.Trim()},")
            .Paragraph("Someone tried to register for a public consultation on GuidelinesReview with this address, which already has an account. Nothing was changed.")
            .Link("Sign in", links.Page("/Account/Login"))
            .Paragraph("If it was you, sign in with your password instead. If not, you need do nothing: no second account was made.")
            .WithSubject("Someone tried to register with your address", "en");
        return outbox.EnqueueAsync(new OutgoingMail(owner.Email!, owner.DisplayName, content.Subject, content.Text, content.Html, AttemptKind), ct);
    }

    private async Task<(PublicRegistration? Registration, AppUser? User)> FindAsync(string userId, CancellationToken ct)
    {
        var registration = await db.PublicRegistrations.FirstOrDefaultAsync(r => r.UserId == userId, ct);
        return (registration, registration is null ? null : await users.FindByIdAsync(userId));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Public participant {UserId} registered ({Group})")]
    private partial void LogRegistered(string userId, string group);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration with the address of existing account {UserId}; its owner is told by mail")]
    private partial void LogAlreadyRegistered(string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Public participant {UserId} suspended by {SecretariatId}")]
    private partial void LogSuspended(string userId, string secretariatId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Public participant {UserId} reinstated by {SecretariatId}")]
    private partial void LogReinstated(string userId, string secretariatId);
}
