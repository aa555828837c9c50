using LibGit2Sharp;
using Slipway.Deploy.Git;
using Slipway.Deploy.Projects;
using Slipway.Deploy.Secrets;

namespace Slipway.Deploy.Workspaces;

/// <summary>
/// Gets a run's code: the project's repository is fetched into a bare cache (<c>&lt;data-dir&gt;/git-cache</c>, one
/// per project, reused by later runs), then the branch or SHA is checked out into the run's own folder. Credentials
/// go through LibGit2Sharp's credentials callback, never into a URL, an argument or a log.
/// </summary>
internal sealed class RunWorkspace(DeployOptions options, SecretBox secrets)
{
    private static readonly SemaphoreSlim CacheLock = new(1, 1);

    public static string Folder(DeployOptions options, int runId) =>
        Path.Combine(options.DataDir, "runs", runId.ToString(System.Globalization.CultureInfo.InvariantCulture), "workspace");

    /// <summary>Checks out <paramref name="branch"/> (or <paramref name="sha"/> when given) and returns the commit's SHA.</summary>
    public async Task<string> CheckOutAsync(Project project, int runId, string branch, string? sha, CancellationToken ct)
    {
        var cache = Path.Combine(options.DataDir, "git-cache", $"project-{project.Id}");
        await CacheLock.WaitAsync(ct);
        try
        {
            Fetch(project, cache);
        }
        catch (LibGit2SharpException e)
        {
            throw new GitException($"Could not fetch the repository of project '{project.Name}': {e.Message.TrimEnd('.')}.", e);
        }
        finally
        {
            CacheLock.Release();
        }
        var folder = Folder(options, runId);
        if (Directory.Exists(folder)) Delete(folder);
        try
        {
            Repository.Clone(cache, folder, new CloneOptions { Checkout = false });
            using var repo = new Repository(folder);
            var commit = sha is null
                ? (repo.Branches["origin/" + branch]?.Tip ?? throw new GitException($"Branch '{branch}' does not exist in the repository of project '{project.Name}'."))
                : repo.Lookup<Commit>(sha) ?? throw new GitException($"Commit '{sha}' does not exist in the repository of project '{project.Name}'.");
            Commands.Checkout(repo, commit, new CheckoutOptions { CheckoutModifiers = CheckoutModifiers.Force });
            return commit.Sha;
        }
        catch (LibGit2SharpException e)
        {
            throw new GitException($"Could not check out '{sha ?? branch}' of project '{project.Name}': {e.Message.TrimEnd('.')}.", e);
        }
    }

    /// <summary>The SHA at the tip of <paramref name="branch"/> after a fetch into the cache (for "on new commit").</summary>
    public async Task<string?> TipAsync(Project project, string branch, CancellationToken ct)
    {
        var cache = Path.Combine(options.DataDir, "git-cache", $"project-{project.Id}");
        await CacheLock.WaitAsync(ct);
        try
        {
            Fetch(project, cache);
            using var repo = new Repository(cache);
            return repo.Branches[branch]?.Tip?.Sha;
        }
        finally
        {
            CacheLock.Release();
        }
    }

    private void Fetch(Project project, string cache)
    {
        if (!Repository.IsValid(cache))
        {
            Directory.CreateDirectory(cache);
            Repository.Init(cache, isBare: true);
        }
        using var repo = new Repository(cache);
        var url = project.RepositoryUrl;
        if (repo.Network.Remotes["origin"] is not { } origin) repo.Network.Remotes.Add("origin", url);
        else if (origin.Url != url) repo.Network.Remotes.Update("origin", r => r.Url = url);
        var fetch = new FetchOptions { Prune = true };
        if (project.GitTokenSecret is not null)
        {
            var user = project.GitUsername ?? "x-access-token";
            var token = secrets.Unprotect(project.GitTokenSecret);
            fetch.CredentialsProvider = (_, _, _) => new UsernamePasswordCredentials { Username = user, Password = token };
        }
        Commands.Fetch(repo, "origin", ["+refs/heads/*:refs/heads/*"], fetch, null);
    }

    /// <summary>Removes a run's workspace (its artifacts were copied out already).</summary>
    public static void Delete(string folder)
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover workspace only costs disk space.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
