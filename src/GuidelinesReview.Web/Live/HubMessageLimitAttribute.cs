namespace GuidelinesReview.Web.Live;

/// <summary>
/// The largest call a hub takes, in bytes of JSON. Larger calls get a sentence saying so
/// (<see cref="ExplainedJsonHubProtocol"/>) while the connection stays open; only a message over
/// <see cref="ExplainedJsonHubProtocol.MaxFrameBytes"/> closes it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class HubMessageLimitAttribute(long bytes) : Attribute
{
    /// <summary>
    /// A comment may hold 10,000 characters of body and 10,000 of proposed change; in scripts that
    /// take three bytes a character that is ~60 KB, over SignalR's 32 KB default.
    /// </summary>
    public const long Default = 128 * 1024;

    public long Bytes { get; } = bytes;
}
