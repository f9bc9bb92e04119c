using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuidelinesReview.Tests.Web;

/// <summary>
/// A refusal the hub meant to show the person: the server threw a <see cref="HubException"/>, and
/// this is its sentence without the prefix SignalR puts before it on the client.
/// </summary>
public sealed class HubError(string message, HubException sent) : Exception(message, sent);

/// <summary>
/// The real .NET SignalR client (<see cref="HubConnection"/>) connected to the test server over
/// WebSockets, the way a browser connects: negotiate over HTTP, then the WebSocket, both carrying the
/// sign-in cookie and the page's Origin. What it adds for tests: every event kept in arrival order
/// as a record of <see cref="HubEvents"/>, waits with a real timeout, and a sentinel for "this did
/// not arrive".
/// </summary>
public sealed class HubTestClient : IAsyncDisposable
{
    /// <summary>The app's JSON: web defaults with enums as camelCase strings (for the HTTP API tests too).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>How long an event may take to arrive; generous for a busy two-core machine.</summary>
    public static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan InvokeTimeout = TimeSpan.FromSeconds(30);

    private readonly HubConnection connection;
    private readonly IHubContext? server;
    private readonly List<object> received = [];
    private readonly System.Threading.Channels.Channel<object> unread = System.Threading.Channels.Channel.CreateUnbounded<object>();
    private readonly Dictionary<string, TaskCompletionSource> sentinels = [];
    private readonly ClientLog log;

    private HubTestClient(HubConnection connection, IHubContext? server, IReadOnlyList<Type> events, ClientLog log)
    {
        this.connection = connection;
        this.server = server;
        this.log = log;
        foreach (var type in events)
        {
            var constructor = type.GetConstructors().Single();
            connection.On(type.Name, constructor.GetParameters().Select(p => p.ParameterType).ToArray(), arguments =>
            {
                Receive(constructor.Invoke(arguments));
                return Task.CompletedTask;
            });
        }

        connection.On<string>(Sentinel, token =>
        {
            lock (received)
            {
                sentinels.GetValueOrDefault(token)?.TrySetResult();
            }
        });
    }

    public HubConnectionState State => connection.State;

    /// <param name="cookie">The Cookie header (see <see cref="AppFactory.AuthCookieAsync"/>); null for nobody signed in.</param>
    /// <param name="origin">The Origin header a browser sends: the app's own by default.</param>
    /// <param name="skipNegotiation">Straight to the WebSocket, as a script may do, so that the WebSocket handshake itself is what is checked.</param>
    public static async Task<HubTestClient> ConnectAsync(TestServer server, string? cookie, string? origin = "http://localhost", string path = "/hubs/review", bool skipNegotiation = false)
    {
        var log = new ClientLog();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, path), HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = skipNegotiation;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                if (cookie is not null)
                {
                    o.Headers["Cookie"] = cookie;
                }

                if (origin is not null)
                {
                    o.Headers["Origin"] = origin;
                }

                // The test server has no sockets: its own WebSocket client, with the same headers as the HTTP requests.
                o.WebSocketFactory = async (context, ct) =>
                {
                    var client = server.CreateWebSocketClient();
                    client.ConfigureRequest = request =>
                    {
                        foreach (var (name, value) in context.Options.Headers)
                        {
                            request.Headers[name] = value;
                        }
                    };
                    return await client.ConnectAsync(context.Uri, ct);
                };
            })
            // As the server reads and writes (AppSetup: AddJsonProtocol with camelCase enum strings).
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)))
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(log))
            .Build();
        var hubType = HubTypeFor(server.Services, path);
        var hub = new HubTestClient(connection, hubType is null ? null : (IHubContext)server.Services.GetRequiredService(typeof(IHubContext<>).MakeGenericType(hubType)),
            hubType is null ? [] : HubEvents.Of(hubType), log);
        try
        {
            await connection.StartAsync().WaitAsync(InvokeTimeout);
            return hub;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task InvokeAsync(string method, params object?[] arguments) =>
        CallAsync(method, () => connection.InvokeCoreAsync<object?>(method, arguments));

    public Task<T> InvokeAsync<T>(string method, params object?[] arguments) =>
        CallAsync(method, () => connection.InvokeCoreAsync<T>(method, arguments));

    private static async Task<T> CallAsync<T>(string method, Func<Task<T>> call)
    {
        try
        {
            return await call().WaitAsync(InvokeTimeout);
        }
        catch (HubException e) when (Refusal(method, e.Message) is { } sentence)
        {
            throw new HubError(sentence, e);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{method} had no answer within {InvokeTimeout.TotalSeconds} s.", e);
        }
    }

    /// <summary>
    /// The sentence of a refusal: SignalR sends a <see cref="HubException"/> as "An unexpected error
    /// occurred invoking 'X' on the server. HubException: sentence", or, when the call could not be
    /// bound, "Failed to invoke 'X' due to an error on the server. HubException: sentence". Any other
    /// failure (a crash, whose message the server keeps to itself) is not a refusal and stays what it is.
    /// </summary>
    public static string? Refusal(string method, string message) =>
        new[] { $"An unexpected error occurred invoking '{method}' on the server. HubException: ", $"Failed to invoke '{method}' due to an error on the server. HubException: " }
            .FirstOrDefault(prefix => message.StartsWith(prefix, StringComparison.Ordinal)) is { } found ? message[found.Length..] : null;

    /// <summary>
    /// The next event of type <typeparamref name="T"/> (that matches) among those not yet looked at;
    /// the ones passed over are not looked at again. Throws if none arrives within the timeout.
    /// </summary>
    public async Task<T> NextAsync<T>(Func<T, bool>? match = null, TimeSpan? timeout = null) where T : class
    {
        var wait = timeout ?? EventTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.FromSeconds(1)); // a shorter wait is not a wait on this machine
        using var cts = new CancellationTokenSource(wait);
        try
        {
            while (true)
            {
                if (await unread.Reader.ReadAsync(cts.Token) is T candidate && (match is null || match(candidate)))
                {
                    return candidate;
                }
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"No {typeof(T).Name}{(match is null ? "" : " that matches")} arrived within {wait.TotalSeconds} s. {Describe()}");
        }
    }

    /// <summary>
    /// Every event this connection has received since it connected, in order, up to and including
    /// whatever the server had sent it before now: the server sends it a sentinel and this waits for
    /// it. Messages on one connection arrive in the order they were sent, so an event sent earlier
    /// (say, by a hub call that has returned) cannot still be on its way. For asserting that one did
    /// not come, without guessing how long to wait. It covers only pushes the server had made when
    /// the sentinel went out: a push sent later on purpose (the viewer list, 250 ms after a change)
    /// needs its own positive event to wait for.
    /// </summary>
    public async Task<IReadOnlyList<object>> ReceivedSoFarAsync()
    {
        var token = Guid.NewGuid().ToString("N");
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (received)
        {
            sentinels[token] = arrived;
        }

        var hub = server ?? throw new InvalidOperationException("No hub context for this connection's path.");
        await hub.Clients.Client(connection.ConnectionId!).SendAsync(Sentinel, token);
        try
        {
            await arrived.Task.WaitAsync(EventTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The sentinel sent to this connection did not arrive within {EventTimeout.TotalSeconds} s. {Describe()}");
        }

        lock (received)
        {
            sentinels.Remove(token);
            return [.. received];
        }
    }

    private void Receive(object e)
    {
        lock (received)
        {
            received.Add(e);
        }

        unread.Writer.TryWrite(e);
    }

    private string Describe()
    {
        lock (received)
        {
            var events = received.Count == 0 ? "nothing" : string.Join(", ", received.Select(e => e.GetType().Name));
            return $"Connection {connection.State}; received: {events}.{log.Problems}";
        }
    }

    /// <summary>The hub mapped at <paramref name="path"/>, found by its endpoint, so that this does not name hub classes.</summary>
    private static Type? HubTypeFor(IServiceProvider services, string path) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => string.Equals(e.RoutePattern.RawText?.TrimEnd('/'), path, StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Metadata.GetMetadata<HubMetadata>()?.HubType)
            .FirstOrDefault(t => t is not null);

    /// <summary>The sentinel's name on the wire: no hub pushes it.</summary>
    private const string Sentinel = "TestSentinel";

    private int disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// The client's own warnings and errors, shown when a wait fails: an event whose arguments do not
    /// bind to its record is dropped by the client with only a log line.
    /// </summary>
    private sealed class ClientLog : ILoggerProvider, ILogger
    {
        private readonly List<string> lines = [];

        public string Problems
        {
            get
            {
                lock (lines)
                {
                    return lines.Count == 0 ? "" : " Client log: " + string.Join(" | ", lines);
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lock (lines)
                {
                    lines.Add(formatter(state, exception) + (exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})"));
                }
            }
        }

        public void Dispose()
        {
        }
    }
}
