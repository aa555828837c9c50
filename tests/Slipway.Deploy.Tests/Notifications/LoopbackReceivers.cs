using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Slipway.Deploy.Tests.Notifications;

/// <summary>An HTTP receiver on loopback that keeps every request (body and Authorization header) and answers a fixed status.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener listener = new();

    public ConcurrentQueue<(string Body, string? Authorization)> Requests { get; } = new();

    public int Status { get; set; } = 200;

    public string Url { get; }

    public WebhookReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hook/";
        listener.Prefixes.Add(Url);
        listener.Start();
        _ = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); } catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            _ = Task.Run(async () =>
            {
                using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
                    Requests.Enqueue((await reader.ReadToEndAsync(), context.Request.Headers["Authorization"]));
                context.Response.StatusCode = Status;
                context.Response.ContentLength64 = 0;
                context.Response.Close();
            });
        }
    }

    public void Dispose() => listener.Close();
}

/// <summary>A tiny SMTP server on loopback (RFC 5321's happy path) that keeps each message's envelope and data.</summary>
public sealed class SmtpReceiver : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);

    public ConcurrentQueue<(List<string> Recipients, string Data)> Messages { get; } = new();

    public int Port { get; }

    public SmtpReceiver()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        while (true)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(); } catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; }
            _ = Task.Run(() => SessionAsync(client));
        }
    }

    private async Task SessionAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test SMTP");
        var recipients = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO": await writer.WriteLineAsync("250 localhost"); break;
                case "RCPT": recipients.Add(line[(line.IndexOf(':') + 1)..].Trim().Trim('<', '>')); await writer.WriteLineAsync("250 OK"); break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".") data.AppendLine(dataLine);
                    Messages.Enqueue((recipients.ToList(), data.ToString()));
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT": await writer.WriteLineAsync("221 Bye"); return;
                default: await writer.WriteLineAsync("250 OK"); break;
            }
        }
    }

    public void Dispose() => listener.Stop();
}
