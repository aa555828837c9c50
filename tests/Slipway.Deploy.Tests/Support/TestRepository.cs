using LibGit2Sharp;

namespace Slipway.Deploy.Tests.Support;

/// <summary>A real git repository in a temp folder, with a commit on <c>main</c> and extra branches.</summary>
public sealed class TestRepository : IDisposable
{
    public string Path { get; }

    public TestRepository(params string[] branches)
    {
        Path = Directory.CreateTempSubdirectory("slipway-repo-").FullName;
        Repository.Init(Path);
        using var repo = new Repository(Path);
        Commit(repo, "dbt_project.yml", "name: demo\nversion: '1.0'\nprofile: demo\n", "first commit");
        if (repo.Branches["main"] is null) repo.CreateBranch("main", repo.Head.Tip);
        Commands.Checkout(repo, repo.Branches["main"]);
        foreach (var name in repo.Branches.Where(b => b.FriendlyName != "main").Select(b => b.FriendlyName).ToList()) repo.Branches.Remove(name);
        foreach (var branch in branches) repo.CreateBranch(branch);
    }

    /// <summary>Writes a file and commits it on <c>main</c>.</summary>
    public void CommitFile(string relativePath, string content)
    {
        using var repo = new Repository(Path);
        Commit(repo, relativePath, content, $"write {relativePath}");
    }

    private void Commit(Repository repo, string relativePath, string content, string message)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        Commands.Stage(repo, relativePath);
        var signature = new Signature("Test", "test@example.com", DateTimeOffset.UtcNow);
        repo.Commit(message, signature, signature, new CommitOptions { AllowEmptyCommit = true });
    }

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
