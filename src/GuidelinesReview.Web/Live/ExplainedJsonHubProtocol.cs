using System.Buffers;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Live;

/// <summary>
/// SignalR's JSON protocol, with a sentence for every call it cannot bind. SignalR binds arguments
/// before any hub filter runs and answers a failure with "Failed to invoke 'X' due to an error on
/// the server." unless detailed errors are on (which would show exception text to every caller);
/// only a <see cref="HubException"/>'s message is passed on. So binding failures are replaced here by
/// a <see cref="HubException"/> naming the method, the field and the problem (wrong type, wrong
/// number of arguments, unknown method, broken Unicode, a call over the hub's
/// <see cref="HubMessageLimitAttribute"/>), and a frame that is not a hub message at all closes the
/// connection with a sentence instead of "Connection closed with an error.". Each is logged once, here.
/// </summary>
public sealed partial class ExplainedJsonHubProtocol(IOptions<JsonHubProtocolOptions> options, ILogger<ExplainedJsonHubProtocol> logger) : IHubProtocol
{
    /// <summary>
    /// What SignalR itself reads before closing the connection: above the largest hub limit, so that a
    /// call a little too large gets an answer and the connection stays open.
    /// </summary>
    public const long MaxFrameBytes = 2 * 1024 * 1024;

    private const string Shape = "each message is a JSON object such as {\"type\":1,\"invocationId\":\"1\",\"target\":\"JoinVersion\",\"arguments\":[7,0]} followed by the character 0x1E";

    /// <summary>Every hub method of the app by name (SignalR matches names ignoring case), with its hub's message limit.</summary>
    private static readonly FrozenDictionary<string, (MethodInfo Method, long Limit)[]> Methods = typeof(ExplainedJsonHubProtocol).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false } && typeof(Hub).IsAssignableFrom(t))
        .SelectMany(hub => hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName)
            .Select(m => (Method: m, Limit: hub.GetCustomAttribute<HubMessageLimitAttribute>()?.Bytes ?? HubMessageLimitAttribute.Default)))
        .GroupBy(m => m.Method.Name, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);

    private readonly JsonHubProtocol inner = new(options);

    public string Name => inner.Name;

    public int Version => inner.Version;

    public TransferFormat TransferFormat => inner.TransferFormat;

    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        var received = input;
        try
        {
            if (!inner.TryParseMessage(ref input, binder, out message))
            {
                // SignalR hands over at most MaxFrameBytes and closes the connection when they hold no whole message.
                return received.Length < MaxFrameBytes ? false : throw Unreadable($"it is over {MaxFrameBytes:N0} bytes, the most any hub method accepts");
            }
        }
        catch (Exception e) when (e is InvalidDataException or JsonException)
        {
            throw Unreadable(e.GetBaseException() is JsonException json
                ? $"it is not JSON: {JsonFields.SyntaxProblem(received.Slice(0, Math.Min(received.Length, MaxFrameBytes)).ToArray()) ?? json.Message}"
                : e.Message.TrimEnd('.'));
        }

        var bytes = received.Length - input.Length;
        if (message is not HubMethodInvocationMessage and not InvocationBindingFailureMessage)
        {
            return true;
        }

        var (target, invocationId) = message switch
        {
            HubMethodInvocationMessage call => (call.Target, call.InvocationId),
            InvocationBindingFailureMessage failure => (failure.Target, failure.InvocationId),
            _ => ("", null),
        };
        var method = Find(target, binder);
        var problem = method is null ? $"There is no hub method '{target}' here; the README's Integrations section lists each hub's methods."
            : bytes > method.Value.Limit ? $"{target}: the message is {bytes:N0} bytes; at most {method.Value.Limit:N0} are accepted."
            : message is InvocationBindingFailureMessage ? $"{target}: {Explain(method.Value.Method, received.Slice(0, bytes - 1))}"
            : null;
        if (problem is not null)
        {
            LogMalformed(target, problem);
            message = new InvocationBindingFailureMessage(invocationId, target, ExceptionDispatchInfo.Capture(new HubException(problem)));
        }

        return true;
    }

    private static (MethodInfo Method, long Limit)? Find(string target, IInvocationBinder binder)
    {
        if (!Methods.TryGetValue(target, out var candidates))
        {
            return null;
        }

        IReadOnlyList<Type> types;
        try
        {
            types = binder.GetParameterTypes(target);
        }
        catch (HubException)
        {
            // A method of another hub than the one this connection is on.
            return null;
        }

        return candidates.FirstOrDefault(c => c.Method.GetParameters().Select(p => p.ParameterType).SequenceEqual(types)) is { Method: not null } found ? found : null;
    }

    /// <summary>Which argument did not bind, and why: each is read again on its own to find it.</summary>
    private string Explain(MethodInfo method, ReadOnlySequence<byte> record)
    {
        var parameters = method.GetParameters();
        using var document = JsonDocument.Parse(record);
        var arguments = document.RootElement.TryGetProperty("arguments", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToArray() : [];
        if (arguments.Length != parameters.Length)
        {
            return $"it takes {parameters.Length} argument{(parameters.Length == 1 ? "" : "s")} ({string.Join(", ", parameters.Select(p => p.Name))}); {arguments.Length} {(arguments.Length == 1 ? "was" : "were")} sent.";
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            try
            {
                arguments[i].Deserialize(parameters[i].ParameterType, options.Value.PayloadSerializerOptions);
            }
            catch (JsonException e)
            {
                return JsonFields.Explain(parameters[i].Name, parameters[i].ParameterType, arguments[i], e);
            }
        }

        return "its arguments could not be read; the README's Integrations section says what it takes.";
    }

    private HubException Unreadable(string reason)
    {
        var sentence = $"The message could not be read: {reason}; {Shape}. The connection is closed.";
        LogUnreadable(reason);
        return new HubException(sentence);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub call {Method} malformed: {Reason}")]
    private partial void LogMalformed(string method, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub message unreadable, connection closed: {Reason}")]
    private partial void LogUnreadable(string reason);
}
