using System.Net;
using Slipway.Engine.Logging;
using Slipway.Engine.Project;

namespace Slipway.Engine.Docs;

/// <summary>
/// <c>slipway docs serve [--port 8080] [--host 127.0.0.1]</c>: serves the target folder (the generated site and
/// its artifacts) over HTTP until the command is cancelled (Ctrl+C).
/// </summary>
internal sealed class DocsServeCommand : IEngineCommand
{
    public int Execute(RuntimeConfig config, EventLog log, CancellationToken cancellationToken)
    {
        var inv = config.Invocation;
        var port = inv.Flags.TryGetValue("port", out var p) && p is long l ? (int)l : 8080;
        var host = inv.GetString("host") ?? "127.0.0.1";
        if (!File.Exists(Path.Combine(config.TargetPath, "index.html")))
            throw new ProjectException($"{Path.Combine(config.TargetPath, "index.html")} does not exist: run `slipway docs generate` first.");
        using var server = new DocsServer(config.TargetPath, host, port);
        server.Start();
        log.Info($"Serving docs at {server.Url}", "ServingDocsPort");
        log.Info("To access from your browser, navigate to: " + server.Url, "ServingDocsAccessInfo");
        log.Info("Press Ctrl+C to exit.", "ServingDocsExitInfo");
        try { Task.Delay(Timeout.Infinite, cancellationToken).GetAwaiter().GetResult(); }
        catch (OperationCanceledException) { }
        return 0;
    }
}

/// <summary>A small static file server on <see cref="HttpListener"/> for the target folder (GET and HEAD only, no listing).</summary>
internal sealed class DocsServer : IDisposable
{
    private readonly string _root;
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();

    public DocsServer(string root, string host, int port)
    {
        _root = Path.GetFullPath(root);
        var prefixHost = host is "0.0.0.0" or "::" ? "+" : host;
        Url = $"http://{host}:{port}/";
        _listener.Prefixes.Add($"http://{prefixHost}:{port}/");
    }

    public string Url { get; }

    public void Start()
    {
        _listener.Start();
        _ = Task.Run(Loop);
    }

    private async Task Loop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync().ConfigureAwait(false); }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening) { return; }
            _ = Task.Run(() => Handle(context));
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var relative = Uri.UnescapeDataString(context.Request.Url?.AbsolutePath ?? "/").TrimStart('/');
            if (relative.Length == 0) relative = "index.html";
            var full = Path.GetFullPath(Path.Combine(_root, relative));
            // Only files inside the target folder are served.
            if (context.Request.HttpMethod is not ("GET" or "HEAD")) response.StatusCode = 405;
            else if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full)) response.StatusCode = 404;
            else
            {
                response.ContentType = ContentType(full);
                var bytes = File.ReadAllBytes(full);
                response.ContentLength64 = bytes.Length;
                if (context.Request.HttpMethod == "GET") response.OutputStream.Write(bytes);
            }
        }
        catch (IOException) { response.StatusCode = 500; }
        finally { response.Close(); }
    }

    private static string ContentType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}
