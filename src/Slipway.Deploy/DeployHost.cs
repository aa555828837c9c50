using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Slipway.Deploy.Api;
using Slipway.Deploy.Audit;
using Slipway.Deploy.Auth;
using Slipway.Deploy.Connections;
using Slipway.Deploy.Credentials;
using Slipway.Deploy.Data;
using Slipway.Deploy.Environments;
using Slipway.Deploy.Git;
using Slipway.Deploy.Jobs;
using Slipway.Deploy.Projects;
using Slipway.Deploy.Runs;
using Slipway.Deploy.Secrets;
using Slipway.Deploy.Ui;
using Slipway.Deploy.Logs;
using Slipway.Deploy.Notifications;
using Slipway.Deploy.Workers;

namespace Slipway.Deploy;

/// <summary>The deployment service's host: a list of <c>Add*</c> and <c>Map*</c> calls, one per feature.</summary>
public static class DeployHost
{
    /// <summary>Runs <c>slipway serve</c> until the token is cancelled.</summary>
    public static async Task RunAsync(DeployOptions options, string urls, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.DataDir);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = options.DataDir, Args = [] });
        builder.WebHost.UseUrls(urls);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        builder.Services.AddSlipwayDeploy(options);
        var app = builder.Build();
        app.UseSlipwayDeploy();
        await InitializeAsync(app.Services, cancellationToken);
        await app.RunAsync(cancellationToken);
    }

    /// <summary>Applies the schema and creates the first administrator; call once after the host is built.</summary>
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DeployDbContext>();
        await DatabaseSchema.ApplyAsync(db, cancellationToken);
        if (scope.ServiceProvider.GetRequiredService<DeployOptions>().Demo)
            await Demo.DemoData.SeedAsync(scope.ServiceProvider, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<FirstAdmin>()
            .EnsureAsync(db, scope.ServiceProvider.GetRequiredService<DeployOptions>(), scope.ServiceProvider.GetRequiredService<Passwords>(), cancellationToken);
    }

    public static IServiceCollection AddSlipwayDeploy(this IServiceCollection services, DeployOptions options)
    {
        Directory.CreateDirectory(options.DataDir);
        services.AddSingleton(options);
        services.AddDatabase(options);
        services.AddSecrets(options);
        services.AddAuth();
        services.AddHttpContextAccessor();
        services.ConfigureHttpJsonOptions(json => Json.Configure(json.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi();
        services.AddSingleton<GitRepositories>();
        services.AddScoped<ProjectRules>();
        services.AddScoped<JobValidator>();
        services.AddScoped<RunTrigger>();
        services.AddScoped<JobsAsCode>();
        services.AddSlipwayUi();
        services.AddRunWorkers(options);
        return services;
    }

    /// <summary>The request pipeline and every endpoint.</summary>
    public static IApplicationBuilder UseSlipwayDeploy(this IApplicationBuilder app)
    {
        app.Use(ErrorHandling.Middleware);
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseEndpoints(endpoints => endpoints.MapSlipwayDeploy());
        return app;
    }

    public static IEndpointRouteBuilder MapSlipwayDeploy(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).AllowAnonymous().WithTags("health");
        endpoints.MapOpenApi().AllowAnonymous();
        endpoints.MapAuth();
        endpoints.MapUsers();
        endpoints.MapProjects();
        endpoints.MapConnections();
        endpoints.MapEnvironments();
        endpoints.MapEnvironmentVariables();
        endpoints.MapDevelopmentCredentials();
        endpoints.MapJobs();
        endpoints.MapRuns();
        endpoints.MapDevelopmentRuns();
        endpoints.MapRunLogs();
        endpoints.MapWebhooks();
        endpoints.MapAuditLog();
        endpoints.MapDbtCloudV2();
        endpoints.MapSlipwayUi();
        return endpoints;
    }

    private static void AddDatabase(this IServiceCollection services, DeployOptions options)
    {
        if (options.IsPostgres)
            services.AddDbContext<DeployDbContext>(db => db.UseNpgsql(options.Database));
        else
            services.AddDbContext<DeployDbContext>(db => db.UseSqlite(options.Database ?? $"Data Source={Path.Combine(options.DataDir, "slipway.db")}"));
    }

    private static void AddSecrets(this IServiceCollection services, DeployOptions options)
    {
        services.AddDataProtection()
            .SetApplicationName("slipway")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataDir, "keys")));
        services.AddSingleton<SecretBox>();
    }

    private static void AddAuth(this IServiceCollection services)
    {
        const string policy = "slipway";
        services.AddAuthentication(policy)
            .AddPolicyScheme(policy, policy, o => o.ForwardDefaultSelector = context =>
                TokenAuthenticationHandler.HasToken(context.Request) ? TokenAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "slipway.auth";
                o.Cookie.HttpOnly = true;
                // Strict same-site cookies keep other sites from sending the session along (CSRF on the JSON API);
                // HTML forms also carry an antiforgery token.
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // A session follows its user: a deleted or deactivated user is signed out, a changed admin flag applies at once.
                o.Events.OnValidatePrincipal = async c =>
                {
                    var actor = Actor.From(c.Principal!);
                    var user = actor is null ? null : await c.HttpContext.RequestServices.GetRequiredService<DeployDbContext>()
                        .Users.FirstOrDefaultAsync(u => u.Id == actor.UserId, c.HttpContext.RequestAborted);
                    if (user is null || user.IsDeactivated)
                        c.RejectPrincipal();
                    else if (user.IsAdmin != actor!.IsAdmin)
                        c.ReplacePrincipal(new System.Security.Claims.ClaimsPrincipal(
                            new System.Security.Claims.ClaimsIdentity(Actor.Claims(user), CookieAuthenticationDefaults.AuthenticationScheme)));
                };
                // A browser opening a page is sent to the sign-in page; API clients get the 401 error shape.
                o.Events.OnRedirectToLogin = c => UiHost.IsPageRequest(c.Request)
                    ? Task.Run(() => c.Response.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(c.Request.Path + c.Request.QueryString)))
                    : ErrorHandling.WriteAsync(c.HttpContext, 401, "unauthenticated", "Sign in or send an API token.");
                o.Events.OnRedirectToAccessDenied = c => ErrorHandling.WriteAsync(c.HttpContext, 403, "forbidden", "You do not have permission to do this.");
            })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAntiforgery();
        services.AddSingleton<Passwords>();
        services.AddSingleton<FirstAdmin>();
        services.AddScoped<Access>();
    }
}
