using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Slipway.Deploy.Workspaces;

namespace Slipway.Deploy.Workers;

/// <summary>Wiring of the run workers, and <c>slipway worker</c>: a node that only executes runs (no HTTP).</summary>
public static class WorkerHost
{
    internal static IServiceCollection AddRunWorkers(this IServiceCollection services, DeployOptions options)
    {
        services.AddSingleton(options.Workers);
        services.AddSingleton<RunSignal>();
        services.AddScoped<RunQueue>();
        services.AddScoped<RunWorkspace>();
        services.AddScoped<RunExecutor>();
        services.AddScoped<IRunFinished, AfterJobTrigger>();
        services.AddHostedService<RunWorker>();
        services.AddHostedService<RunNotificationListener>();
        services.AddScoped<Schedules.JobScheduler>();
        services.AddSingleton(options.Notifications);
        services.AddHttpClient();
        services.AddSingleton<Notifications.Notifier>();
        services.AddScoped<IRunFinished, Notifications.NotifyOnFinish>();
        services.AddHostedService<Schedules.SchedulerService>();
        return services;
    }

    /// <summary>Runs a worker-only node until the token is cancelled (Ctrl+C, SIGTERM).</summary>
    public static async Task RunAsync(DeployOptions options, CancellationToken cancellationToken)
    {
        options.Workers.Enabled = true;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = options.DataDir, Args = [] });
        builder.Logging.AddFilter("Microsoft", Microsoft.Extensions.Logging.LogLevel.Warning);
        builder.Services.AddSlipwayDeploy(options);
        using var host = builder.Build();
        using (var scope = host.Services.CreateScope())
            await Data.DatabaseSchema.ApplyAsync(scope.ServiceProvider.GetRequiredService<Data.DeployDbContext>(), cancellationToken);
        await host.RunAsync(cancellationToken);
    }
}
