using Slipway.Engine.Manifest;

namespace Slipway.Engine.Parsing;

internal sealed partial class ManifestLoader
{
    private static readonly IReadOnlySet<string> SnapshotBlocks = new HashSet<string> { "snapshot" };
    private static readonly IReadOnlySet<string> DocsBlocks = new HashSet<string> { "docs" };

    private enum FileKind { Model, Analysis, SingularTest, Snapshot, Seed }

    private List<(FileKind Kind, SourceFile File)> FindNodeFiles()
    {
        var files = new List<(FileKind, SourceFile)>();
        foreach (var p in _projects)
        {
            // dbt's parser order (models, snapshots, analyses, singular tests, seeds) gives the manifest's order.
            files.AddRange(ProjectFiles.Find(p, p.ModelPaths, ".sql", ".py").Select(f => (FileKind.Model, f)));
            files.AddRange(ProjectFiles.Find(p, p.SnapshotPaths, ".sql").Select(f => (FileKind.Snapshot, f)));
            files.AddRange(ProjectFiles.Find(p, p.AnalysisPaths, ".sql").Select(f => (FileKind.Analysis, f)));
            files.AddRange(ProjectFiles.Find(p, p.TestPaths, ".sql")
                // Generic tests and unit-test fixtures live under tests/generic and tests/fixtures, not singular tests.
                .Where(f => !f.Path.StartsWith("generic/", StringComparison.Ordinal) && !f.Path.StartsWith("fixtures/", StringComparison.Ordinal))
                .Select(f => (FileKind.SingularTest, f)));
            files.AddRange(ProjectFiles.Find(p, p.SeedPaths, ".csv").Select(f => (FileKind.Seed, f)));
        }
        return files;
    }

    /// <summary>Reads and statically parses node files in parallel, then adds them in file order (deterministic).</summary>
    private void ParseNodeFiles(List<(FileKind Kind, SourceFile File)> files)
    {
        var results = new List<NodeDraft>[files.Count];
        Parallel.For(0, files.Count, i => results[i] = CreateNodes(files[i].Kind, files[i].File));
        foreach (var drafts in results)
        {
            foreach (var draft in drafts)
            {
                var id = draft.Node.UniqueId;
                if (_manifest.Nodes.TryGetValue(id, out var existing))
                    throw new ManifestException(
                        $"dbt found two {draft.Node.ResourceType.ToDbtString()}s with the name \"{draft.Node.Name}\" in package \"{draft.Node.PackageName}\": " +
                        $"{existing.OriginalFilePath} and {draft.Node.OriginalFilePath}. Rename one of them, or disable one with enabled: false.");
                _manifest.Nodes[id] = draft.Node;
                AddDraft(draft);
            }
        }
    }

    private List<NodeDraft> CreateNodes(FileKind kind, SourceFile file)
    {
        var text = file.ReadText();
        var pkg = file.PackageName;
        List<string> Fqn(params string[] tail) => [pkg, .. file.Folders, .. tail];
        switch (kind)
        {
            case FileKind.Seed:
                var seed = new SeedNode
                {
                    UniqueId = $"seed.{pkg}.{file.Stem}", Name = file.Stem, PackageName = pkg, Path = file.Path,
                    OriginalFilePath = file.OriginalFilePath, Fqn = Fqn(file.Stem), Schema = Target.Schema,
                    Database = Target.Database, Alias = file.Stem, RootPath = file.Project.RootPath,
                    Checksum = text.Length > 1_000_000 ? new FileChecksum("path", file.OriginalFilePath) : FileChecksum.Sha256(text),
                    CreatedAt = _createdAt,
                };
                return [new NodeDraft(seed, file)];
            case FileKind.Snapshot:
                var drafts = new List<NodeDraft>();
                foreach (var block in BlockExtractor.Extract(text, file.OriginalFilePath, SnapshotBlocks))
                {
                    var snapshot = new SnapshotNode
                    {
                        UniqueId = $"snapshot.{pkg}.{block.Name}", Name = block.Name, PackageName = pkg, Path = file.Path,
                        OriginalFilePath = file.OriginalFilePath, Fqn = Fqn(block.Name), Schema = Target.Schema,
                        Database = Target.Database, Alias = block.Name, RawCode = block.Contents,
                        Checksum = FileChecksum.Sha256(text), CreatedAt = _createdAt,
                    };
                    drafts.Add(new NodeDraft(snapshot, file) { Static = StaticTemplate.TryParse(block.Contents), Line = block.Line });
                }
                return drafts;
        }

        var name = file.Stem;
        ManifestNode node = kind switch
        {
            FileKind.Model => new ModelNode
            {
                UniqueId = $"model.{pkg}.{name}", Name = name, PackageName = pkg, Path = file.Path,
                OriginalFilePath = file.OriginalFilePath, Fqn = Fqn(name), Schema = Target.Schema, Alias = name,
            },
            FileKind.Analysis => new AnalysisNode
            {
                UniqueId = $"analysis.{pkg}.{name}", Name = name, PackageName = pkg, Path = "analysis/" + file.Path,
                OriginalFilePath = file.OriginalFilePath, Fqn = [pkg, "analysis", .. file.Folders, name], Schema = Target.Schema, Alias = name,
            },
            _ => new SingularTestNode
            {
                UniqueId = $"test.{pkg}.{name}", Name = name, PackageName = pkg, Path = file.Path,
                OriginalFilePath = file.OriginalFilePath, Fqn = Fqn(name), Schema = Target.Schema, Alias = name,
            },
        };
        node.Database = Target.Database;
        node.RawCode = text;
        node.Checksum = FileChecksum.Sha256(text);
        node.CreatedAt = _createdAt;
        if (file.Path.EndsWith(".py", StringComparison.OrdinalIgnoreCase)) return [PythonModel(node, file, text)];
        return [new NodeDraft(node, file) { Static = StaticTemplate.TryParse(text) }];
    }

    /// <summary><c>{% docs %}</c> blocks in .md files under the docs paths (default: every source path).</summary>
    private void LoadDocs()
    {
        // dbt's own package ships the docs site's landing page (doc.dbt.__overview__); ours is written by us.
        foreach (var (path, text) in BuiltInFiles(".md"))
            foreach (var block in BlockExtractor.Extract(text, path, DocsBlocks))
                _manifest.Docs[$"doc.{InternalPackage}.{block.Name}"] = new Documentation
                {
                    UniqueId = $"doc.{InternalPackage}.{block.Name}", Name = block.Name, PackageName = InternalPackage,
                    Path = System.IO.Path.GetFileName(path), OriginalFilePath = path, BlockContents = block.Contents.Trim(),
                };
        foreach (var p in _projects)
        {
            var roots = p.DocsPaths.Count > 0 ? p.DocsPaths : ProjectFiles.AllSourcePaths(p);
            foreach (var file in ProjectFiles.Find(p, roots, ".md"))
            {
                var text = file.ReadText();
                foreach (var block in BlockExtractor.Extract(text, file.OriginalFilePath, DocsBlocks))
                {
                    var id = $"doc.{p.Name}.{block.Name}";
                    if (_manifest.Docs.ContainsKey(id))
                        throw new ParseException(file.OriginalFilePath, block.Line, block.Column,
                            $"dbt found two docs blocks named \"{block.Name}\" in package \"{p.Name}\" (the other is in {_manifest.Docs[id].OriginalFilePath})");
                    _manifest.Docs[id] = new Documentation
                    {
                        UniqueId = id, Name = block.Name, PackageName = p.Name, Path = file.Path,
                        OriginalFilePath = file.OriginalFilePath, BlockContents = RenderDocContents(block.Contents).Trim(),
                    };
                }
            }
        }
    }

    /// <summary>Docs contents are rendered with an empty context: in practice only <c>{% raw %}</c> sections need unwrapping.</summary>
    private static string RenderDocContents(string contents)
    {
        if (!contents.Contains("{%", StringComparison.Ordinal) && !contents.Contains("{{", StringComparison.Ordinal)) return contents;
        var sb = new System.Text.StringBuilder();
        var pos = 0;
        while (true)
        {
            var open = contents.IndexOf("{%", pos, StringComparison.Ordinal);
            if (open < 0) { sb.Append(contents, pos, contents.Length - pos); break; }
            var close = contents.IndexOf("%}", open, StringComparison.Ordinal);
            if (close < 0) { sb.Append(contents, pos, contents.Length - pos); break; }
            var tag = contents[(open + 2)..close].Trim(' ', '-', '+', '\t', '\r', '\n');
            sb.Append(contents, pos, open - pos);
            if (tag == "raw")
            {
                var end = contents.IndexOf("endraw", close, StringComparison.Ordinal);
                var endOpen = end < 0 ? -1 : contents.LastIndexOf("{%", end, StringComparison.Ordinal);
                var endClose = end < 0 ? -1 : contents.IndexOf("%}", end, StringComparison.Ordinal);
                if (endOpen < 0 || endClose < 0) { sb.Append(contents, close + 2, contents.Length - close - 2); break; }
                sb.Append(contents, close + 2, endOpen - close - 2);
                pos = endClose + 2;
            }
            else pos = close + 2;
        }
        return sb.ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bdbt\.(ref|source|config)\s*\(")]
    private static partial System.Text.RegularExpressions.Regex PythonDbtCall();

    /// <summary>
    /// A Python model: dbt reads its <c>dbt.ref(...)</c>, <c>dbt.source(...)</c> and <c>dbt.config(...)</c> calls
    /// (literal arguments) without running it; its code is not Jinja, so it compiles to itself.
    /// </summary>
    private static NodeDraft PythonModel(ManifestNode node, SourceFile file, string text)
    {
        node.Language = "python";
        foreach (System.Text.RegularExpressions.Match m in PythonDbtCall().Matches(text))
        {
            var reader = new LiteralReader(text, m.Index + "dbt.".Length);
            if (reader.ReadCall() is { } call)
            {
                if (call.Function == "config") foreach (var (k, v) in call.Keyword) node.ConfigCallDict[k] = v;
                else RecordCall(node.Refs, node.Sources, node.Metrics, call);
            }
        }
        // A template with no Jinja markers: the static path compiles it to its own text.
        return new NodeDraft(node, file) { Static = new StaticTemplate.Literal(text).Template };
    }
}
