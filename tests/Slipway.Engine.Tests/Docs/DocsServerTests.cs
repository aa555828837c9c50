using System.Net;
using Slipway.Engine.Docs;

namespace Slipway.Engine.Tests.Docs;

/// <summary><c>docs serve</c>'s server: files of the target folder over HTTP, nothing outside it.</summary>
public sealed class DocsServerTests
{
    [Fact]
    public async Task Serves_target_files_with_their_content_type_and_nothing_outside()
    {
        var root = Path.Combine(Path.GetTempPath(), "slipway-serve-" + Guid.NewGuid().ToString("N")[..12]);
        var target = Path.Combine(root, "target");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "index.html"), "<html>docs</html>");
        File.WriteAllText(Path.Combine(target, "catalog.json"), "{}");
        File.WriteAllText(Path.Combine(root, "profiles.yml"), "secret");
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        try
        {
            using var server = new DocsServer(target, "127.0.0.1", port);
            server.Start();
            using var http = new HttpClient { BaseAddress = new Uri(server.Url) };
            var index = await http.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, index.StatusCode);
            Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
            Assert.Equal("<html>docs</html>", await index.Content.ReadAsStringAsync());
            Assert.Equal("application/json", (await http.GetAsync("/catalog.json")).Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/missing.js")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/%2E%2E/profiles.yml")).StatusCode);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}
