using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Slipway.Deploy.Tests.Support;

/// <summary>Every route the service maps, read from its endpoint data source, so that route walks miss none.</summary>
public static partial class Routes
{
    public sealed record Route(string Method, string Pattern, bool Anonymous)
    {
        public bool IsWrite => Method is "POST" or "PUT" or "DELETE" or "PATCH";

        public override string ToString() => $"{Method} {Pattern}";

        /// <summary>The pattern with each parameter replaced by its value (by name; catch-alls by <c>path</c>).</summary>
        public string Fill(IReadOnlyDictionary<string, string> values) =>
            Parameter().Replace(Pattern, m => values.TryGetValue(m.Groups["name"].Value, out var v)
                ? v
                : throw new InvalidOperationException($"No value for {{{m.Groups["name"].Value}}} in {Pattern}"));
    }

    public static IReadOnlyList<Route> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                // A web UI page's POST is its own HTML form (antiforgery token, the page's permission check), not a JSON route.
                .Where(m => m != "POST" || e.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is null)
                .Select(m => new Route(m, "/" + e.RoutePattern.RawText!.TrimStart('/'), e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
            .Distinct().OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
