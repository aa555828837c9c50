using LibGit2Sharp;

namespace Slipway.Deploy.BrowserTests.Support;

/// <summary>The demo's git repository: journeys add branches to it as a developer would push them.</summary>
public static class DemoRepository
{
    public static string PathIn(DemoService service) => Path.Combine(service.Options.DataDir, "demo", "harbor_shop.git-work");

    /// <summary>Commits <paramref name="files"/> on a new branch made from main, without touching the checked-out working tree.</summary>
    public static void AddBranch(DemoService service, string branch, IReadOnlyDictionary<string, string> files)
    {
        using var repo = new Repository(PathIn(service));
        var main = repo.Branches["main"].Tip;
        var tree = TreeDefinition.From(main);
        foreach (var (path, text) in files)
        {
            using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
            tree.Add(path, repo.ObjectDatabase.CreateBlob(content), Mode.NonExecutableFile);
        }
        var author = new Signature("Browser test", "test@slipway.invalid", DateTimeOffset.UtcNow);
        var commit = repo.ObjectDatabase.CreateCommit(author, author, $"Add {string.Join(", ", files.Keys)}", repo.ObjectDatabase.CreateTree(tree), [main], prettifyMessage: true);
        repo.CreateBranch(branch, commit);
    }
}
