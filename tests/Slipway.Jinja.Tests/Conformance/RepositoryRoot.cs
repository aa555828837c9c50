namespace Slipway.Jinja.Tests.Conformance;

/// <summary>The repository checkout the tests run from: fixtures and reference scripts are read in place, not copied.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Slipway.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No Slipway.slnx above {AppContext.BaseDirectory}: run the tests from a checkout.");
    }
}
