using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Benchmarks;

/// <summary>
/// What explaining malformed calls costs every well-formed one: reading a PostComment record (a
/// paragraph of text) with the app's protocol, which also looks up the hub method and its size
/// limit. Baseline: SignalR's own JSON protocol reading the same record.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class HubProtocolBenchmarks
{
    private static readonly IOptions<JsonHubProtocolOptions> Json = Options.Create(new JsonHubProtocolOptions
    {
        // As the app reads enums (LiveFeature).
        PayloadSerializerOptions = { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } },
    });

    private readonly JsonHubProtocol plain = new(Json);
    private readonly ExplainedJsonHubProtocol explained = new(Json, NullLogger<ExplainedJsonHubProtocol>.Instance);
    private readonly PostCommentBinder binder = new();
    private byte[] record = [];

    [GlobalSetup]
    public void Setup()
    {
        var body = string.Join(' ', Enumerable.Repeat("Residents should decide how the sensors on their street are used.", 12));
        record = Encoding.UTF8.GetBytes(
            $$"""{"type":1,"invocationId":"7","target":"PostComment","arguments":[{"clientId":"{{Guid.NewGuid()}}","versionId":3,"anchor":"s2.1-p1","type":"technical","body":"{{body}}"}]}""" + "\u001e");

        // Both must read the record as a call, or the comparison means nothing.
        if (SignalRJson() is not InvocationMessage || Explained() is not InvocationMessage)
        {
            throw new InvalidOperationException("The PostComment record did not bind.");
        }
    }

    [Benchmark(Baseline = true)]
    public HubMessage? SignalRJson() => Parse(plain);

    [Benchmark]
    public HubMessage? Explained() => Parse(explained);

    private HubMessage? Parse(IHubProtocol protocol)
    {
        var input = new ReadOnlySequence<byte>(record);
        return protocol.TryParseMessage(ref input, binder, out var message) ? message : null;
    }

    /// <summary>The review hub's binder, as far as PostComment goes.</summary>
    private sealed class PostCommentBinder : IInvocationBinder
    {
        public IReadOnlyList<Type> GetParameterTypes(string methodName) =>
            methodName == nameof(ReviewHub.PostComment) ? [typeof(PostCommentInput)] : throw new HubException($"Method '{methodName}' does not exist.");

        public Type GetReturnType(string invocationId) => typeof(object);

        public Type GetStreamItemType(string streamId) => typeof(object);
    }
}
