using LibGit2Sharp;
using Slipway.Deploy.Projects;
using Slipway.Deploy.Secrets;

namespace Slipway.Deploy.Git;

/// <summary>
/// Reads a project's repository: its branches (the "test connection" action, custom-branch checks) and one
/// file at a branch's tip (<c>slipway_jobs.yml</c>). A local path is opened in place; a URL is asked for its
/// references, or cloned bare into a temporary folder to read a file.
/// </summary>
internal sealed class GitRepositories(SecretBox secrets)
{
    public IReadOnlyList<string> ListBranches(Project project)
    {
        try
        {
            if (LocalPath(project.RepositoryUrl) is { } path)
            {
                using var repo = new Repository(path);
                return repo.Branches.Where(b => !b.IsRemote).Select(b => b.FriendlyName).Order(StringComparer.Ordinal).ToList();
            }
            return Repository.ListRemoteReferences(project.RepositoryUrl, Credentials(project))
                .Where(r => r.CanonicalName.StartsWith("refs/heads/", StringComparison.Ordinal))
                .Select(r => r.CanonicalName["refs/heads/".Length..]).Order(StringComparer.Ordinal).ToList();
        }
        catch (LibGit2SharpException e)
        {
            throw new GitException($"Could not read the repository '{project.RepositoryUrl}': {e.Message.TrimEnd('.')}.", e);
        }
    }

    /// <summary>The text of <paramref name="file"/> at the tip of <paramref name="branch"/>, or null when the file is absent.</summary>
    public string? ReadFile(Project project, string branch, string file)
    {
        string? temp = null;
        try
        {
            var path = LocalPath(project.RepositoryUrl);
            if (path is null)
            {
                temp = Directory.CreateTempSubdirectory("slipway-git-").FullName;
                path = Repository.Clone(project.RepositoryUrl, temp,
                    new CloneOptions { IsBare = true, BranchName = branch, FetchOptions = { CredentialsProvider = Credentials(project) } });
            }
            using var repo = new Repository(path);
            var tip = (repo.Branches[branch] ?? repo.Branches["origin/" + branch])?.Tip
                ?? throw new GitException($"Branch '{branch}' does not exist in '{project.RepositoryUrl}'.");
            return tip[file]?.Target is Blob blob ? blob.GetContentText() : null;
        }
        catch (LibGit2SharpException e)
        {
            throw new GitException($"Could not read the repository '{project.RepositoryUrl}': {e.Message.TrimEnd('.')}.", e);
        }
        finally
        {
            if (temp is not null) TryDelete(temp);
        }
    }

    private static string? LocalPath(string url)
    {
        var path = url.StartsWith("file://", StringComparison.Ordinal) ? new Uri(url).LocalPath : url;
        return Directory.Exists(path) && Repository.IsValid(path) ? path : null;
    }

    private LibGit2Sharp.Handlers.CredentialsHandler? Credentials(Project project)
    {
        if (project.GitTokenSecret is null) return null;
        return (_, _, _) => new UsernamePasswordCredentials
        {
            Username = project.GitUsername ?? "x-access-token", Password = secrets.Unprotect(project.GitTokenSecret),
        };
    }

    private static void TryDelete(string folder)
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>The repository could not be read; the message names the repository and the reason.</summary>
internal sealed class GitException(string message, Exception? inner = null) : Exception(message, inner);
