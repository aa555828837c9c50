using System.Security.Cryptography;
using LibGit2Sharp;
using Slipway.Deploy.Audit;
using Slipway.Deploy.Auth;
using Slipway.Deploy.Connections;
using Slipway.Deploy.Credentials;
using Slipway.Deploy.Data;
using Slipway.Deploy.Environments;
using Slipway.Deploy.Jobs;
using Slipway.Deploy.Projects;
using Slipway.Deploy.Runs;
using DeployProject = Slipway.Deploy.Projects.Project;

namespace Slipway.Deploy.Demo;

/// <summary>
/// <c>slipway serve --demo</c>: on an empty database, a complete demo made from the bundled Harbor Shop sample — a
/// local git repository (main and a feature branch), a DuckDB connection, development and production environments,
/// the "Daily production build" job, a demo admin and an API token — and one queued run. Nothing is downloaded.
/// </summary>
internal static class DemoData
{
    public const string ProjectName = "Harbor Shop";
    public const string JobName = "Daily production build";
    public const string FeatureBranch = "feature/order-margins";
    public const string TimeZone = "Europe/Amsterdam";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<DeployDbContext>();
        var options = services.GetRequiredService<DeployOptions>();
        var output = options.SetupOutput;
        if (await db.Users.AnyAsync(ct))
        {
            output.WriteLine("Demo: the data dir already has users; keeping its data (start with an empty --data-dir for a fresh demo).");
            return;
        }
        var sample = FindSample() ?? throw new InvalidOperationException(
            "The demo needs the bundled sample project samples/harbor_shop; run from the Slipway source tree or next to a published copy of it.");
        var repository = Path.Combine(options.DataDir, "demo", "harbor_shop.git-work");
        CreateRepository(sample, repository);

        var passwords = services.GetRequiredService<Passwords>();
        var password = NewPassword();
        var now = DateTime.UtcNow;
        var admin = new User { Username = "demo", PasswordHash = passwords.Hash(password), IsAdmin = true, CreatedAt = now };
        // The API token belongs to a non-admin account that is a member of the demo project only: it reaches nothing else.
        var ci = new User { Username = "demo-ci", PasswordHash = passwords.Hash(NewPassword()), IsAdmin = false, CreatedAt = now };
        db.Users.AddRange(admin, ci);
        var project = new DeployProject { Name = ProjectName, RepositoryUrl = repository, DefaultBranch = "main", CreatedAt = now, UpdatedAt = now };
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        db.ProjectMembers.AddRange(
            new ProjectMember { ProjectId = project.Id, UserId = admin.Id, Role = ProjectRole.Admin },
            new ProjectMember { ProjectId = project.Id, UserId = ci.Id, Role = ProjectRole.JobRunner });
        var warehouse = Path.Combine(options.DataDir, "demo", "warehouse.duckdb");
        var connection = new Connection { ProjectId = project.Id, Name = "DuckDB warehouse", Type = "duckdb", Path = warehouse, CreatedAt = now };
        db.Connections.Add(connection);
        await db.SaveChangesAsync(ct);
        var development = new DeployEnvironment
        {
            ProjectId = project.Id, Name = "Development", Type = "development", ConnectionId = connection.Id, TargetName = "dev", Threads = 4,
            CreatedAt = now, UpdatedAt = now,
        };
        var production = new DeployEnvironment
        {
            ProjectId = project.Id, Name = "Production", Type = "deployment", DeploymentType = "production", ConnectionId = connection.Id,
            TargetName = "prod", Threads = 4, CredentialUser = "slipway_deploy", CredentialSchema = "analytics", CreatedAt = now, UpdatedAt = now,
        };
        db.Environments.AddRange(development, production);
        db.DevelopmentCredentials.Add(new DevelopmentCredential { ProjectId = project.Id, UserId = admin.Id, WarehouseUser = "demo", Schema = "dbt_demo", UpdatedAt = now });
        await db.SaveChangesAsync(ct);

        var job = new Job { ProjectId = project.Id, Name = "", CreatedAt = now };
        await services.GetRequiredService<JobValidator>().ApplyAsync(job, new JobRequest(JobName, production.Id,
            "Seeds, builds and tests the shop's marts every morning; checks source freshness and publishes the docs.",
            ["dbt seed", "dbt run", "dbt test"], RunSourceFreshness: true, GenerateDocs: true,
            new JobTriggers(new JobSchedule("0 6 * * *", TimeZone), null, false), null, null, 3600, false, null), ct);
        db.Jobs.Add(job);

        var token = Tokens.NewApiToken();
        db.ServiceTokens.Add(new ServiceToken
        {
            UserId = ci.Id, Name = "demo token", Prefix = token[..8], Hash = TokenAuthenticationHandler.Hash(token), Scopes = "read,run", CreatedAt = now,
        });
        new AuditLog(db).Record("system", "demo.created", project.Id, ProjectName, "serve --demo seeded the demo project");
        await db.SaveChangesAsync(ct);

        var run = await services.GetRequiredService<RunTrigger>().TriggerAsync(job,
            new TriggerRequest("First run of the demo", null, null, null, null, null, null, null, null, null), "manual",
            new Actor(admin.Id, admin.Username, true, null, null), ct);

        output.WriteLine("Demo ready: project 'Harbor Shop' with a Development and a Production environment and the job 'Daily production build'.");
        output.WriteLine($"  Sign in as: demo / {password}");
        output.WriteLine($"  API token (read+run, Harbor Shop only): {token}");
        output.WriteLine($"  Git repository: {repository} (branches main, {FeatureBranch})");
        output.WriteLine($"  Run #{run.Id} queued; it runs when a worker picks it up.");
    }

    /// <summary>The bundled sample: next to the program (published), or in a samples folder above it or the current folder.</summary>
    internal static string? FindSample()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", "harbor_shop");
                if (File.Exists(Path.Combine(candidate, "dbt_project.yml"))) return candidate;
            }
        return null;
    }

    /// <summary>A git repository holding the sample on <c>main</c>, and a feature branch with one more commit.</summary>
    internal static void CreateRepository(string sample, string path)
    {
        Directory.CreateDirectory(path);
        Repository.Init(path);
        using var repo = new Repository(path);
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sample, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "target" or "logs" or "dbt_packages" || relative.EndsWith(".duckdb", StringComparison.Ordinal)) continue;
            var destination = Path.Combine(path, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
        Commands.Stage(repo, "*");
        var author = new Signature("Slipway demo", "demo@slipway.invalid", DateTimeOffset.UtcNow);
        var first = repo.Commit("Harbor Shop sample project", author, author);
        if (repo.Head.FriendlyName != "main")
        {
            var main = repo.CreateBranch("main", first);
            Commands.Checkout(repo, main);
            repo.Branches.Remove("master");
        }
        var feature = repo.CreateBranch(FeatureBranch);
        Commands.Checkout(repo, feature);
        File.AppendAllText(Path.Combine(path, "README.md"), "\nWork in progress: order margins per product line.\n");
        Commands.Stage(repo, "README.md");
        repo.Commit("Start the order margins work", author, author);
        Commands.Checkout(repo, repo.Branches["main"]);
    }

    private static string NewPassword() => "Demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant() + "-Ship";
}
