using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuidelinesReview.Web.Mail;

/// <summary>A mail in the outbox: queued by a request, sent (or given up) by <see cref="MailSender"/>.</summary>
public sealed class OutboxMail
{
    public long Id { get; set; }
    public string To { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string? HtmlBody { get; set; }
    public string Kind { get; set; } = "";
    public string? UnsubscribeUrl { get; set; }
    public string Language { get; set; } = "en";

    /// <summary>Chosen when queued, so every attempt sends the same Message-Id and a receiving server can drop a repeat.</summary>
    public string MessageId { get; set; } = "";

    public DateTime QueuedAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>Not tried before this instant: now when queued, then after each failure by the back-off.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>An instance is sending it until then; another takes it only after (a crashed sender's claim runs out).</summary>
    public DateTime? ClaimedUntil { get; set; }

    public string? LastError { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>Given up after the last attempt; kept, with its <see cref="LastError"/>, for the operator.</summary>
    public DateTime? FailedAt { get; set; }
}

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.ToTable("OutboxMails");
        builder.Property(m => m.To).HasMaxLength(256);
        builder.Property(m => m.ToName).HasMaxLength(200);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Kind).HasMaxLength(40);
        builder.Property(m => m.UnsubscribeUrl).HasMaxLength(2000);
        builder.Property(m => m.Language).HasMaxLength(20);
        builder.Property(m => m.MessageId).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(1000);

        // The sender's one query: unsent, not given up, due.
        builder.HasIndex(m => new { m.SentAt, m.FailedAt, m.NextAttemptAt });
    }
}
