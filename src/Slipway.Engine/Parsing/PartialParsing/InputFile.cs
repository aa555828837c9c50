using System.Security.Cryptography;

namespace Slipway.Engine.Parsing.PartialParsing;

/// <summary>
/// One file parsing may read, as the cache remembers it. <see cref="Hash"/> (sha256 of the bytes) decides whether
/// it changed, as dbt's file checksums do; size and modification time only spare re-reading files that were not
/// touched since the cache was written.
/// </summary>
internal sealed record InputFile(string AbsolutePath, long Size, long ModifiedTicks)
{
    public byte[]? Hash { get; set; }

    public byte[] ComputeHash() => Hash ??= SHA256.HashData(File.ReadAllBytes(AbsolutePath));

    public bool SameStamp(InputFile other) => Size == other.Size && ModifiedTicks == other.ModifiedTicks;

    /// <summary>
    /// Every file under the projects' source paths (models, seeds, snapshots, analyses, macros, tests, docs) and each
    /// dbt_project.yml, whatever its extension, sorted by path: the set of inputs a parse depends on.
    /// </summary>
    public static List<InputFile> Scan(IEnumerable<Project.DbtProject> projects)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<InputFile>();
        foreach (var p in projects)
        {
            Add(new FileInfo(p.ProjectFile));
            foreach (var root in ProjectFiles.AllSourcePaths(p).Concat(p.DocsPaths).Distinct())
            {
                var dir = new DirectoryInfo(Path.GetFullPath(Path.Combine(p.RootPath, root)));
                if (!dir.Exists) continue;
                foreach (var f in dir.EnumerateFiles("*", SearchOption.AllDirectories))
                {
                    if (Path.GetRelativePath(dir.FullName, f.FullName).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'))) continue;
                    Add(f);
                }
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.AbsolutePath, b.AbsolutePath));
        return files;

        void Add(FileInfo f)
        {
            if (f.Exists && seen.Add(f.FullName)) files.Add(new InputFile(f.FullName, f.Length, f.LastWriteTimeUtc.Ticks));
        }
    }
}
