using System.Reflection;
using Microsoft.AspNetCore.Authentication;

namespace Slipway.Deploy.Ui;

/// <summary>
/// The web UI: Blazor components rendered on the server (static server rendering with plain HTML forms, so every
/// page works without script), calling the same services as the API. Pages check sign-in themselves
/// (<see cref="UiPage"/>) so that an anonymous visitor is sent to the sign-in page rather than given a 401.
/// </summary>
internal static class UiHost
{
    public static IServiceCollection AddSlipwayUi(this IServiceCollection services)
    {
        services.AddRazorComponents();
        return services;
    }

    public static IEndpointRouteBuilder MapSlipwayUi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ui/slipway.css", () =>
        {
            var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Slipway.Deploy.Ui.slipway.css")!;
            return TypedResults.Stream(stream, "text/css");
        }).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost("/signout", async (HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            await antiforgery.ValidateRequestAsync(http);
            await http.SignOutAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.Redirect("/signin");
        }).ExcludeFromDescription();
        endpoints.MapRazorComponents<App>().AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
