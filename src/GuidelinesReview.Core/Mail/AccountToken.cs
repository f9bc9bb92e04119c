using System.Text;

namespace GuidelinesReview.Core.Mail;

/// <summary>Why a mailed link's token does or does not work, so the page can say which.</summary>
public enum TokenCheck
{
    Valid,

    /// <summary>Not a token the platform made for this account and purpose (mistyped, cut short, forged).</summary>
    Invalid,

    /// <summary>Made for this account, but older than its lifetime.</summary>
    Expired,

    /// <summary>Made for this account, but the account changed since (the link was used, or the password changed).</summary>
    Used,
}

/// <summary>
/// What a mailed link (address confirmation, password reset) carries before it is encrypted:
/// when it was made, for whom, for what, and the account's security stamp then. The stamp
/// changes when the link is used (and when the password changes), which is what makes a link
/// single-use. The same layout as ASP.NET Core Identity's own data-protection tokens, with the
/// reason for a refusal kept instead of thrown away.
/// </summary>
public sealed record AccountToken(DateTimeOffset IssuedAt, string UserId, string Purpose, string Stamp)
{
    private static readonly Encoding Utf8 = new UTF8Encoding(false, true);

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Utf8, leaveOpen: true))
        {
            writer.Write(IssuedAt.UtcTicks);
            writer.Write(UserId);
            writer.Write(Purpose);
            writer.Write(Stamp);
        }

        return stream.ToArray();
    }

    /// <summary>The token in <paramref name="bytes"/> (already decrypted), or null when they are not one.</summary>
    public static AccountToken? FromBytes(byte[] bytes)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes), Utf8);
            var ticks = reader.ReadInt64();
            var token = new AccountToken(new DateTimeOffset(ticks, TimeSpan.Zero), reader.ReadString(), reader.ReadString(), reader.ReadString());
            return reader.BaseStream.Position == reader.BaseStream.Length ? token : null;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether this token opens the account <paramref name="userId"/> for <paramref name="purpose"/>
    /// at <paramref name="now"/>. Expiry is checked before the stamp: a link that is both old and
    /// used is reported as expired, which is true either way and tells the person what to do.
    /// </summary>
    public TokenCheck Check(string userId, string purpose, string currentStamp, DateTimeOffset now, TimeSpan lifetime)
    {
        if (!string.Equals(UserId, userId, StringComparison.Ordinal) || !string.Equals(Purpose, purpose, StringComparison.Ordinal))
        {
            return TokenCheck.Invalid;
        }

        if (IssuedAt + lifetime < now)
        {
            return TokenCheck.Expired;
        }

        return string.Equals(Stamp, currentStamp, StringComparison.Ordinal) ? TokenCheck.Valid : TokenCheck.Used;
    }
}
