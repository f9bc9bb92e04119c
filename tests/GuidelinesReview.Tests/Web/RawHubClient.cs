using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// A hub connection without the SignalR client, for what the client never sends: raw frames (not
/// JSON, a lone surrogate escape, a message over every limit). It does the JSON protocol's handshake
/// and then sends and reads records ending with 0x1E, as the protocol defines them, leaving pings aside.
/// </summary>
public sealed class RawHubClient : IAsyncDisposable
{
    private const char Separator = '\u001e';

    private readonly WebSocket socket;
    private readonly Queue<JsonElement> records = new();
    private readonly StringBuilder partial = new();
    private int invocations;

    private RawHubClient(WebSocket socket) => this.socket = socket;

    public WebSocketState State => socket.State;

    public static async Task<RawHubClient> ConnectAsync(TestServer server, string cookie, string path)
    {
        var factory = server.CreateWebSocketClient();
        factory.ConfigureRequest = request =>
        {
            request.Headers["Cookie"] = cookie;
            request.Headers["Origin"] = "http://localhost";
        };
        var client = new RawHubClient(await factory.ConnectAsync(new Uri("ws://localhost" + path), CancellationToken.None).WaitAsync(HubTestClient.InvokeTimeout));
        await client.SendAsync("{\"protocol\":\"json\",\"version\":1}" + Separator);
        var handshake = await client.NextAsync();
        Assert.False(handshake.TryGetProperty("error", out _), handshake.GetRawText());
        return client;
    }

    /// <summary>Sends text as one WebSocket message, exactly as given.</summary>
    public Task SendAsync(string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).WaitAsync(HubTestClient.InvokeTimeout);

    /// <summary>Calls <paramref name="target"/> with arguments written as raw JSON; the answer is its completion record.</summary>
    public async Task<JsonElement> InvokeAsync(string target, string argumentsJson)
    {
        var id = (++invocations).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync($"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":\"{target}\",\"arguments\":{argumentsJson}}}{Separator}");
        while (true)
        {
            var record = await NextAsync();
            if (record.GetProperty("type").GetInt32() == 3 && record.GetProperty("invocationId").GetString() == id)
            {
                return record;
            }
        }
    }

    /// <summary>The next record that is not a ping (type 6); a close is type 7.</summary>
    public async Task<JsonElement> NextAsync()
    {
        using var timeout = new CancellationTokenSource(HubTestClient.InvokeTimeout);
        var buffer = new byte[16 * 1024];
        while (true)
        {
            while (records.TryDequeue(out var record))
            {
                if (!record.TryGetProperty("type", out var type) || type.GetInt32() != 6)
                {
                    return record;
                }
            }

            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException($"The server closed the WebSocket ({socket.CloseStatus}) without a SignalR close record.");
            }

            partial.Append(Encoding.UTF8.GetString(buffer, 0, received.Count));
            var text = partial.ToString();
            var end = text.LastIndexOf(Separator);
            if (end < 0)
            {
                continue;
            }

            foreach (var part in text[..end].Split(Separator))
            {
                records.Enqueue(JsonDocument.Parse(part).RootElement.Clone());
            }

            partial.Clear().Append(text[(end + 1)..]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        socket.Dispose();
    }
}
