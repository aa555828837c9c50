using Slipway.Engine.Project;

namespace Slipway.Engine.Parsing;

/// <summary>One file to parse: its project, the resource folder it was found under, and its paths.</summary>
internal sealed record SourceFile(
    DbtProject Project,
    /// <summary>The *-paths entry it was found under, relative to the project root (e.g. <c>models</c>).</summary>
    string ResourceRoot,
    /// <summary>Relative to <see cref="ResourceRoot"/>, with forward slashes (the manifest's <c>path</c>).</summary>
    string Path,
    /// <summary>Relative to the project root, forward slashes (the manifest's <c>original_file_path</c>).</summary>
    string OriginalFilePath,
    string AbsolutePath)
{
    public string PackageName => Project.Name;

    /// <summary>Folders between the resource root and the file: the middle of the fqn.</summary>
    public IEnumerable<string> Folders
    {
        get
        {
            var parts = Path.Split('/');
            return parts.Take(parts.Length - 1);
        }
    }

    public string Stem => System.IO.Path.GetFileNameWithoutExtension(Path);

    public string ReadText() => File.ReadAllText(AbsolutePath);
}

/// <summary>Finds a project's files under each of its *-paths, in a stable (ordinal) order.</summary>
internal static class ProjectFiles
{
    public static List<SourceFile> Find(DbtProject project, IEnumerable<string> roots, params string[] extensions)
    {
        var files = new List<SourceFile>();
        foreach (var root in roots.Distinct())
        {
            var absoluteRoot = System.IO.Path.GetFullPath(System.IO.Path.Combine(project.RootPath, root));
            if (!Directory.Exists(absoluteRoot)) continue;
            var normalisedRoot = root.Replace('\\', '/').Trim('/');
            foreach (var file in Directory.EnumerateFiles(absoluteRoot, "*", SearchOption.AllDirectories))
            {
                if (!extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase))) continue;
                var relative = System.IO.Path.GetRelativePath(absoluteRoot, file).Replace('\\', '/');
                if (relative.Split('/').Any(p => p.StartsWith('.'))) continue;
                var original = normalisedRoot is "" or "." ? relative : normalisedRoot + "/" + relative;
                files.Add(new SourceFile(project, normalisedRoot, relative, original, file));
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.OriginalFilePath, b.OriginalFilePath));
        return files;
    }

    /// <summary>All source paths: where properties YAML and docs blocks are looked for (dbt's <c>all_source_paths</c>).</summary>
    public static IEnumerable<string> AllSourcePaths(DbtProject p) =>
        p.ModelPaths.Concat(p.SeedPaths).Concat(p.SnapshotPaths).Concat(p.AnalysisPaths).Concat(p.MacroPaths).Concat(p.TestPaths).Distinct();
}
