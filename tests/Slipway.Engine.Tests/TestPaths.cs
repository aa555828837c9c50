namespace Slipway.Engine.Tests;

/// <summary>Where the repository, its fixture projects and the shared dbt artifact schemas are.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Slipway.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Slipway.slnx not found above " + AppContext.BaseDirectory);
    }

    public static string Fixture(string name) => Path.Combine(RepoRoot, "tests", "Slipway.Engine.Tests", "Fixtures", name);

    /// <summary>
    /// The dbt artifact JSON schemas: <c>&lt;repo&gt;/../shared/dbt-artifact-schemas</c> (how CI lays them out), or
    /// the folder named by SLIPWAY_SHARED_DIR (a worktree elsewhere). Missing schemas fail the test with a clear message.
    /// </summary>
    public static string ArtifactSchema(string fileName)
    {
        var candidates = new List<string> { Path.Combine(RepoRoot, "..", "shared", "dbt-artifact-schemas", fileName) };
        if (Environment.GetEnvironmentVariable("SLIPWAY_SHARED_DIR") is { Length: > 0 } shared)
            candidates.Add(Path.Combine(shared, "dbt-artifact-schemas", fileName));
        foreach (var c in candidates)
            if (File.Exists(c)) return Path.GetFullPath(c);
        throw new InvalidOperationException(
            $"The dbt artifact schema {fileName} was not found at {string.Join(" or ", candidates.Select(Path.GetFullPath))}: " +
            "lay the shared/ folder beside the repository (as CI does) or set SLIPWAY_SHARED_DIR to it.");
    }
}
