using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.AspNetCore.TestHost;

namespace GuidelinesReview.Tests.Web;

public sealed class HubError(string message) : Exception(message);

/// <summary>
/// A small test-only SignalR client speaking the JSON hub protocol over a real WebSocket to the
/// test server (there is no .NET SignalR client package here). Records are separated by 0x1E.
/// </summary>
public sealed class HubTestClient : IAsyncDisposable
{
    private const char Separator = '\u001e';

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly WebSocket socket;
    private readonly Dictionary<string, TaskCompletionSource<JsonElement>> calls = [];
    private readonly Channel<(string Target, JsonElement Arguments)> events = Channel.CreateUnbounded<(string, JsonElement)>();
    private readonly CancellationTokenSource stop = new();
    private readonly Task receiving;
    private int nextId;

    private HubTestClient(WebSocket socket)
    {
        this.socket = socket;
        receiving = Task.Run(ReceiveLoopAsync);
    }

    public static async Task<HubTestClient> ConnectAsync(TestServer server, string? cookie, string? origin = "http://localhost", string path = "/hubs/review")
    {
        var client = server.CreateWebSocketClient();
        client.ConfigureRequest = request =>
        {
            if (cookie is not null)
            {
                request.Headers["Cookie"] = cookie;
            }

            if (origin is not null)
            {
                request.Headers["Origin"] = origin;
            }
        };
        var socket = await client.ConnectAsync(new Uri($"ws://localhost{path}"), CancellationToken.None);
        var hub = new HubTestClient(socket);
        await hub.SendAsync(new { protocol = "json", version = 1 });
        await hub.handshake.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return hub;
    }

    private readonly TaskCompletionSource handshake = new();

    public async Task<JsonElement> InvokeAsync(string method, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var call = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (calls)
        {
            calls[id] = call;
        }

        await SendAsync(new { type = 1, invocationId = id, target = method, arguments });
        return await call.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    public async Task<T> InvokeAsync<T>(string method, params object?[] arguments) =>
        (await InvokeAsync(method, arguments)).Deserialize<T>(Json)!;

    /// <summary>The next server-to-client call to <paramref name="target"/> whose arguments match.</summary>
    public async Task<JsonElement> NextEventAsync(string target, Func<JsonElement, bool>? match = null, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var (eventTarget, arguments) = await events.Reader.ReadAsync(cts.Token);
            if (eventTarget == target && (match is null || match(arguments)))
            {
                return arguments;
            }
        }
    }

    /// <summary>True if a matching event arrives within <paramref name="wait"/>; for asserting one does not.</summary>
    public async Task<bool> ReceivesAsync(string target, Func<JsonElement, bool> match, TimeSpan wait)
    {
        try
        {
            await NextEventAsync(target, match, wait);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task SendAsync(object message)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message, Json) + Separator);
        await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, stop.Token);
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        var utf8 = Encoding.UTF8.GetDecoder(); // keeps a character split between two reads whole
        var text = new StringBuilder();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                text.Append(chars, 0, utf8.GetChars(buffer, 0, result.Count, chars, 0, flush: false));
                var all = text.ToString();
                var last = all.LastIndexOf(Separator);
                if (last < 0)
                {
                    continue;
                }

                text.Clear().Append(all[(last + 1)..]);
                foreach (var record in all[..last].Split(Separator))
                {
                    Handle(JsonDocument.Parse(record).RootElement.Clone());
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // closed by us or by the server
        }
        finally
        {
            handshake.TrySetException(new HubError("The connection closed during the handshake."));
            lock (calls)
            {
                foreach (var call in calls.Values)
                {
                    call.TrySetException(new HubError("The connection closed."));
                }
            }
        }
    }

    private void Handle(JsonElement message)
    {
        if (!message.TryGetProperty("type", out var type))
        {
            if (message.TryGetProperty("error", out var handshakeError))
            {
                handshake.TrySetException(new HubError(handshakeError.GetString()!));
            }
            else
            {
                handshake.TrySetResult();
            }

            return;
        }

        switch (type.GetInt32())
        {
            case 1: // invocation from the server
                events.Writer.TryWrite((message.GetProperty("target").GetString()!, message.GetProperty("arguments")));
                break;
            case 3: // completion
                TaskCompletionSource<JsonElement>? call;
                lock (calls)
                {
                    calls.Remove(message.GetProperty("invocationId").GetString()!, out call);
                }

                if (message.TryGetProperty("error", out var error))
                {
                    // SignalR prefixes a HubException's message: "An unexpected error occurred invoking 'X' on the server. HubException: ..."
                    var text = error.GetString()!;
                    var ours = text.IndexOf("HubException: ", StringComparison.Ordinal);
                    call?.TrySetException(new HubError(ours >= 0 ? text[(ours + "HubException: ".Length)..] : text));
                }
                else
                {
                    call?.TrySetResult(message.TryGetProperty("result", out var result) ? result : default);
                }

                break;
        }
    }

    private int disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
        }

        await stop.CancelAsync();
        await receiving;
        socket.Dispose();
        stop.Dispose();
    }
}
