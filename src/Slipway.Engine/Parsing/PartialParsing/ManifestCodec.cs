using Slipway.Engine.Manifest;

namespace Slipway.Engine.Parsing.PartialParsing;

/// <summary>
/// The parsed manifest in the partial-parse cache: every resource with every field, so a warm start rebuilds the
/// exact objects a full parse would have made (manifest.json written from either is identical). Selectors,
/// metadata and the parent/child maps are not stored: the session adds the first, the loader refreshes the
/// second, and the maps are rebuilt from <c>depends_on</c> when first read.
/// </summary>
internal static partial class ManifestCodec
{
    private enum Kind : byte { Model, Seed, Analysis, SingularTest, GenericTest, Snapshot, Hook, SqlOperation, Source, Exposure, Data }

    public static void Write(CacheWriter w, Manifest.Manifest m)
    {
        WriteNodes(w, m);
        w.Int(m.Sources.Count);
        foreach (var s in m.Sources.Values) Resource(w, s);
        w.Int(m.Macros.Count);
        foreach (var macro in m.Macros.Values) MacroFields(w, macro);
        w.Int(m.Docs.Count);
        foreach (var d in m.Docs.Values)
        {
            Identity(w, d);
            w.Str(d.BlockContents);
        }
        w.Int(m.Exposures.Count);
        foreach (var e in m.Exposures.Values) Resource(w, e);
        foreach (var dict in new[] { m.Metrics, m.SemanticModels, m.SavedQueries, m.UnitTests })
        {
            w.Int(dict.Count);
            foreach (var d in dict.Values) Resource(w, d);
        }
        w.Int(m.Groups.Count);
        foreach (var g in m.Groups.Values)
        {
            Identity(w, g);
            w.Dict(g.Owner);
            w.Str(g.Description);
            w.Dict(g.Config);
        }
        w.Int(m.Disabled.Count);
        foreach (var (id, list) in m.Disabled)
        {
            w.Str(id);
            w.Int(list.Count);
            foreach (var r in list) Resource(w, r);
        }
    }

    public static Manifest.Manifest Read(CacheReader r)
    {
        var m = new Manifest.Manifest();
        ReadNodes(r, m);
        for (int i = 0, n = r.Count(); i < n; i++) { var s = (SourceDefinition)Resource(r); m.Sources.Add(s.UniqueId, s); }
        for (int i = 0, n = r.Count(); i < n; i++) { var macro = MacroFields(r); m.Macros.Add(macro.UniqueId, macro); }
        for (int i = 0, n = r.Count(); i < n; i++)
        {
            var (id, name, pkg, path, original) = Identity(r);
            m.Docs.Add(id, new Documentation { UniqueId = id, Name = name, PackageName = pkg, Path = path, OriginalFilePath = original, BlockContents = r.Req() });
        }
        for (int i = 0, n = r.Count(); i < n; i++) { var e = (Exposure)Resource(r); m.Exposures.Add(e.UniqueId, e); }
        foreach (var dict in new[] { m.Metrics, m.SemanticModels, m.SavedQueries, m.UnitTests })
            for (int i = 0, n = r.Count(); i < n; i++) { var d = (DataResource)Resource(r); dict.Add(d.UniqueId, d); }
        for (int i = 0, n = r.Count(); i < n; i++)
        {
            var (id, name, pkg, path, original) = Identity(r);
            m.Groups.Add(id, new Group
            {
                UniqueId = id, Name = name, PackageName = pkg, Path = path, OriginalFilePath = original,
                Owner = r.Dict(), Description = r.Str(), Config = r.Dict(),
            });
        }
        for (int i = 0, n = r.Count(); i < n; i++)
        {
            var id = r.Req();
            var count = r.Count();
            var list = new List<GraphResource>(count);
            for (var j = 0; j < count; j++) list.Add(Resource(r));
            m.Disabled.Add(id, list);
        }
        m.BuildParentAndChildMapsOnFirstUse();
        return m;
    }

    /// <summary>Nodes (nearly all of a manifest) go in segments, each with its own string table, encoded and decoded in parallel.</summary>
    private const int SegmentSize = 2048;

    /// <summary>
    /// The encoded node segments a manifest was decoded from, with the node objects each held: writing that manifest
    /// again copies every segment whose nodes are still the very same objects (after a partial parse, all but the
    /// segments of the changed files), instead of encoding 10k nodes again.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Manifest.Manifest, Decoded> DecodedSegments = new();

    private sealed record Decoded(byte[][] Bytes, List<ManifestNode>[] Nodes);

    private static void WriteNodes(CacheWriter w, Manifest.Manifest m)
    {
        var nodes = m.Nodes.Values.ToList();
        var segments = new ArraySegment<byte>[(nodes.Count + SegmentSize - 1) / SegmentSize];
        DecodedSegments.TryGetValue(m, out var decoded);
        Parallel.For(0, segments.Length, s =>
        {
            var end = Math.Min(nodes.Count, (s + 1) * SegmentSize);
            if (decoded is not null && s < decoded.Nodes.Length && SameNodes(decoded.Nodes[s], nodes, s * SegmentSize, end))
            {
                segments[s] = decoded.Bytes[s];
                return;
            }
            // Sized for a typical segment up front: growing by doubling leaves large-object garbage behind.
            var buffer = new MemoryStream(Math.Max(1 << 16, (end - s * SegmentSize) * 512));
            var sw = new CacheWriter(buffer);
            sw.Int(end - s * SegmentSize);
            for (var i = s * SegmentSize; i < end; i++) Resource(sw, nodes[i]);
            sw.Flush();
            segments[s] = new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        });
        w.Int(segments.Length);
        foreach (var segment in segments) w.Bytes(segment);
    }

    private static bool SameNodes(List<ManifestNode> before, List<ManifestNode> nodes, int start, int end)
    {
        if (before.Count != end - start) return false;
        for (var i = 0; i < before.Count; i++)
            if (!ReferenceEquals(before[i], nodes[start + i])) return false;
        return true;
    }

    private static void ReadNodes(CacheReader r, Manifest.Manifest m)
    {
        var segments = new byte[r.Count()][];
        for (var s = 0; s < segments.Length; s++) segments[s] = r.Bytes();
        var decoded = new List<ManifestNode>[segments.Length];
        Parallel.For(0, segments.Length, s =>
        {
            var sr = new CacheReader(new MemoryStream(segments[s], writable: false));
            var n = sr.Count();
            var list = new List<ManifestNode>(n);
            for (var i = 0; i < n; i++) list.Add((ManifestNode)Resource(sr));
            decoded[s] = list;
        });
        foreach (var list in decoded)
            foreach (var node in list) m.Nodes.Add(node.UniqueId, node);
        DecodedSegments.AddOrUpdate(m, new Decoded(segments, decoded));
    }

    private static void Identity(CacheWriter w, ManifestResource r)
    {
        w.Str(r.UniqueId);
        w.Str(r.Name);
        w.Str(r.PackageName);
        w.Str(r.Path);
        w.Str(r.OriginalFilePath);
    }

    private static (string Id, string Name, string Package, string Path, string Original) Identity(CacheReader r) =>
        (r.Req(), r.Req(), r.Req(), r.Req(), r.Req());

    private static void Graph(CacheWriter w, GraphResource g)
    {
        w.StrList(g.Fqn);
        w.StrList(g.DependsOn.Macros);
        w.StrList(g.DependsOn.Nodes);
        w.StrList(g.Tags);
        w.Dict(g.Meta);
        w.Str(g.Description);
        w.Double(g.CreatedAt);
    }

    private static void Graph(CacheReader r, GraphResource g)
    {
        g.Fqn = r.StrList();
        g.DependsOn = new DependsOn { Macros = r.StrList(), Nodes = r.StrList() };
        g.Tags = r.StrList();
        g.Meta = r.Dict();
        g.Description = r.Req();
        g.CreatedAt = r.Double();
    }

    private static void MacroFields(CacheWriter w, Macro m)
    {
        Identity(w, m);
        w.Str(m.MacroSql);
        w.StrList(m.DependsOnMacros);
        w.Str(m.Description);
        w.Dict(m.Meta);
        w.Bool(m.DocsShow);
        w.Str(m.PatchPath);
        w.List(m.Arguments);
        w.Double(m.CreatedAt);
        w.StrList(m.SupportedLanguages);
    }

    private static Macro MacroFields(CacheReader r)
    {
        var (id, name, pkg, path, original) = Identity(r);
        return new Macro
        {
            UniqueId = id, Name = name, PackageName = pkg, Path = path, OriginalFilePath = original,
            MacroSql = r.Req(), DependsOnMacros = r.StrList(), Description = r.Req(), Meta = r.Dict(), DocsShow = r.Bool(),
            PatchPath = r.Str(), Arguments = r.List(), CreatedAt = r.Double(), SupportedLanguages = r.StrListOrNull(),
        };
    }

    private static void Refs(CacheWriter w, List<RefCall> refs)
    {
        w.Int(refs.Count);
        foreach (var x in refs) { w.Str(x.Name); w.Str(x.Package); w.Str(x.Version); }
    }

    private static List<RefCall> Refs(CacheReader r)
    {
        var n = r.Count();
        var list = new List<RefCall>(n);
        for (var i = 0; i < n; i++) list.Add(new RefCall(r.Req(), r.Str(), r.Str()));
        return list;
    }

    private static void Pairs(CacheWriter w, List<string[]> pairs)
    {
        w.Int(pairs.Count);
        foreach (var p in pairs) w.StrList(p);
    }

    private static List<string[]> Pairs(CacheReader r)
    {
        var n = r.Count();
        var list = new List<string[]>(n);
        for (var i = 0; i < n; i++) list.Add([.. r.StrList()]);
        return list;
    }

    private static void Columns(CacheWriter w, OrderedDictionary<string, ColumnInfo> columns)
    {
        w.Int(columns.Count);
        foreach (var (key, c) in columns)
        {
            w.Str(key);
            w.Str(c.Name);
            w.Str(c.Description);
            w.Dict(c.Meta);
            w.Str(c.DataType);
            w.List(c.Constraints);
            w.Value(c.Quote);
            w.Dict(c.Config);
            w.StrList(c.Tags);
            w.Str(c.Granularity);
            w.List(c.DocBlocks);
        }
    }

    private static OrderedDictionary<string, ColumnInfo> Columns(CacheReader r)
    {
        var n = r.Count();
        var columns = new OrderedDictionary<string, ColumnInfo>(n);
        for (var i = 0; i < n; i++)
        {
            var key = r.Req();
            columns.Add(key, new ColumnInfo
            {
                Name = r.Req(), Description = r.Req(), Meta = r.Dict(), DataType = r.Str(), Constraints = r.List(),
                Quote = r.NullableBool(), Config = r.Dict(), Tags = r.StrList(), Granularity = r.Str(), DocBlocks = r.List(),
            });
        }
        return columns;
    }
}
