using Slipway.Engine.Manifest;

namespace Slipway.Engine.Parsing.PartialParsing;

internal static partial class ManifestCodec
{
    private static void Resource(CacheWriter w, GraphResource resource)
    {
        var kind = resource switch
        {
            ModelNode => Kind.Model,
            SeedNode => Kind.Seed,
            AnalysisNode => Kind.Analysis,
            SingularTestNode => Kind.SingularTest,
            GenericTestNode => Kind.GenericTest,
            SnapshotNode => Kind.Snapshot,
            HookNode => Kind.Hook,
            SqlOperationNode => Kind.SqlOperation,
            SourceDefinition => Kind.Source,
            Exposure => Kind.Exposure,
            DataResource => Kind.Data,
            _ => throw new NotSupportedException($"partial parsing cannot store a {resource.GetType().Name}"),
        };
        w.Int((int)kind);
        Identity(w, resource);
        switch (resource)
        {
            case ManifestNode node: NodeFields(w, node); break;
            case SourceDefinition s: SourceFields(w, s); break;
            case Exposure e: ExposureFields(w, e); break;
            case DataResource d: DataFields(w, d); break;
        }
        Graph(w, resource);
    }

    private static GraphResource Resource(CacheReader r)
    {
        var kind = (Kind)r.Int();
        var (id, name, pkg, path, original) = Identity(r);
        GraphResource resource = kind switch
        {
            Kind.Source => SourceFields(r, id, name, pkg, path, original),
            Kind.Exposure => ExposureFields(r, id, name, pkg, path, original),
            Kind.Data => DataFields(r, id, name, pkg, path, original),
            _ => NodeFields(r, kind, id, name, pkg, path, original),
        };
        Graph(r, resource);
        return resource;
    }

    private static void NodeFields(CacheWriter w, ManifestNode n)
    {
        w.Str(n.Schema);
        w.Str(n.Alias);
        // The subclass's own fields come first: the reader needs some of them to construct the node.
        switch (n)
        {
            case ModelNode m:
                w.Str(m.Access);
                w.List(m.Constraints);
                w.Str(m.Version);
                w.Str(m.LatestVersion);
                w.Str(m.DeprecationDate);
                w.StrList(m.PrimaryKey);
                w.Value(m.TimeSpine);
                w.Value(m.Freshness);
                break;
            case SeedNode s: w.Str(s.RootPath); break;
            case GenericTestNode t:
                w.Str(t.ColumnName);
                w.Str(t.FileKeyName);
                w.Str(t.AttachedNode);
                w.Str(t.TestMetadata.Name);
                w.Dict(t.TestMetadata.Kwargs);
                w.Str(t.TestMetadata.Namespace);
                break;
            case HookNode h: w.Value(h.Index); break;
        }
        w.Str(n.Database);
        w.Str(n.Checksum.Name);
        w.Str(n.Checksum.Checksum);
        w.Dict(n.Config.Values);
        Columns(w, n.Columns);
        w.Str(n.Group);
        w.Bool(n.DocsShow);
        w.Str(n.DocsNodeColor);
        w.Str(n.PatchPath);
        w.Str(n.BuildPath);
        w.Dict(n.UnrenderedConfig);
        w.Dict(n.ConfigCallDict);
        w.Dict(n.UnrenderedConfigCallDict);
        w.Str(n.RelationName);
        w.Str(n.RawCode);
        w.List(n.DocBlocks);
        w.Str(n.Language);
        Refs(w, n.Refs);
        Pairs(w, n.Sources);
        Pairs(w, n.Metrics);
        w.Str(n.CompiledPath);
        w.Bool(n.Compiled);
        w.Str(n.CompiledCode);
        w.Bool(n.ExtraCtesInjected);
        w.Int(n.ExtraCtes.Count);
        foreach (var cte in n.ExtraCtes) { w.Str(cte.Id); w.Str(cte.Sql); }
        w.Bool(n.ContractEnforced);
        w.Bool(n.ContractAliasTypes);
        w.Str(n.ContractChecksum);
    }

    private static ManifestNode NodeFields(CacheReader r, Kind kind, string id, string name, string pkg, string path, string original)
    {
        var schema = r.Req();
        var alias = r.Req();
        ManifestNode n = kind switch
        {
            Kind.Model => new ModelNode
            {
                UniqueId = id, Name = name, PackageName = pkg, Path = path, OriginalFilePath = original, Schema = schema, Alias = alias,
                Access = r.Req(), Constraints = r.List(), Version = r.Str(), LatestVersion = r.Str(), DeprecationDate = r.Str(),
                PrimaryKey = r.StrList(), TimeSpine = r.Value(), Freshness = r.Value(),
            },
            Kind.Seed => new SeedNode { UniqueId = id, Name = name, PackageName = pkg, Path = path, OriginalFilePath = original, Schema = schema, Alias = alias, RootPath = r.Str() },
            Kind.Analysis => new AnalysisNode { UniqueId = id, Name = name, PackageName = pkg, Path = path, OriginalFilePath = original, Schema = schema, Alias = alias },
            Kind.SingularTest => new SingularTestNode { UniqueId = id, Name = name, PackageName = pkg, Path = path, OriginalFilePath = original, Schema = schema, Alias = alias },
            Kind.GenericTest => new GenericTestNode
            {
                UniqueId = id, Name = name, PackageName = pkg, Path = path, OriginalFilePath = original, Schema = schema, Alias = alias,
                ColumnName = r.Str(), FileKeyName = r.Str(), AttachedNode = r.Str(),
                TestMetadata = new TestMetadata { Name = r.Req(), Kwargs = r.Dict(), Namespace = r.Str() },
            },
            Kind.Snapshot => new SnapshotNode { UniqueId = id, Name = name, PackageName = pkg, Path = path, OriginalFilePath = original, Schema = schema, Alias = alias },
            Kind.Hook => new HookNode { UniqueId = id, Name = name, PackageName = pkg, Path = path, OriginalFilePath = original, Schema = schema, Alias = alias, Index = r.NullableInt() },
            Kind.SqlOperation => new SqlOperationNode { UniqueId = id, Name = name, PackageName = pkg, Path = path, OriginalFilePath = original, Schema = schema, Alias = alias },
            _ => throw new InvalidDataException($"unknown node kind {kind}"),
        };
        n.Database = r.Str();
        var checksumName = r.Req();
        n.Checksum = new FileChecksum(checksumName, r.Req());
        n.Config = new NodeConfig(r.Dict());
        n.Columns = Columns(r);
        n.Group = r.Str();
        n.DocsShow = r.Bool();
        n.DocsNodeColor = r.Str();
        n.PatchPath = r.Str();
        n.BuildPath = r.Str();
        n.UnrenderedConfig = r.Dict();
        n.ConfigCallDict = r.Dict();
        n.UnrenderedConfigCallDict = r.Dict();
        n.RelationName = r.Str();
        n.RawCode = r.Req();
        n.DocBlocks = r.List();
        n.Language = r.Req();
        n.Refs = Refs(r);
        n.Sources = Pairs(r);
        n.Metrics = Pairs(r);
        n.CompiledPath = r.Str();
        n.Compiled = r.Bool();
        n.CompiledCode = r.Str();
        n.ExtraCtesInjected = r.Bool();
        var ctes = r.Count();
        for (var i = 0; i < ctes; i++) n.ExtraCtes.Add(new InjectedCte(r.Req(), r.Req()));
        n.ContractEnforced = r.Bool();
        n.ContractAliasTypes = r.Bool();
        n.ContractChecksum = r.Str();
        return n;
    }

    private static void SourceFields(CacheWriter w, SourceDefinition s)
    {
        w.Str(s.Schema);
        w.Str(s.SourceName);
        w.Str(s.Identifier);
        w.Str(s.Database);
        w.Str(s.SourceDescription);
        w.Str(s.Loader);
        w.Dict(s.Quoting);
        w.Str(s.LoadedAtField);
        w.Str(s.LoadedAtQuery);
        w.Dict(s.Freshness);
        w.Dict(s.External);
        Columns(w, s.Columns);
        w.Dict(s.SourceMeta);
        w.Dict(s.Config.Values);
        w.Str(s.PatchPath);
        w.Dict(s.UnrenderedConfig);
        w.Str(s.RelationName);
        w.Str(s.UnrenderedDatabase);
        w.Str(s.UnrenderedSchema);
    }

    private static SourceDefinition SourceFields(CacheReader r, string id, string name, string pkg, string path, string original) => new()
    {
        UniqueId = id, Name = name, PackageName = pkg, Path = path, OriginalFilePath = original,
        Schema = r.Req(), SourceName = r.Req(), Identifier = r.Req(), Database = r.Str(), SourceDescription = r.Req(), Loader = r.Req(),
        Quoting = r.Dict(), LoadedAtField = r.Str(), LoadedAtQuery = r.Str(), Freshness = r.DictOrNull(), External = r.DictOrNull(),
        Columns = Columns(r), SourceMeta = r.Dict(), Config = new NodeConfig(r.Dict()), PatchPath = r.Str(), UnrenderedConfig = r.Dict(),
        RelationName = r.Str(), UnrenderedDatabase = r.Str(), UnrenderedSchema = r.Str(),
    };

    private static void ExposureFields(CacheWriter w, Exposure e)
    {
        w.Str(e.Type);
        w.Dict(e.Owner);
        w.Str(e.Label);
        w.Str(e.Maturity);
        w.Str(e.Url);
        w.Dict(e.Config.Values);
        w.Dict(e.UnrenderedConfig);
        Refs(w, e.Refs);
        Pairs(w, e.Sources);
        Pairs(w, e.Metrics);
    }

    private static Exposure ExposureFields(CacheReader r, string id, string name, string pkg, string path, string original) => new()
    {
        UniqueId = id, Name = name, PackageName = pkg, Path = path, OriginalFilePath = original,
        Type = r.Req(), Owner = r.Dict(), Label = r.Str(), Maturity = r.Str(), Url = r.Str(), Config = new NodeConfig(r.Dict()),
        UnrenderedConfig = r.Dict(), Refs = Refs(r), Sources = Pairs(r), Metrics = Pairs(r),
    };

    private static void DataFields(CacheWriter w, DataResource d)
    {
        w.Int((int)d.Type);
        w.Dict(d.Properties);
        w.Dict(d.Config.Values);
        Refs(w, d.Refs);
        w.Str(d.Group);
        w.Dict(d.NodeRelation);
        w.Str(d.Schema);
        w.Bool(d.Position is not null);
        if (d.Position is { } position) { w.Int(position.Line); w.Int(position.Column); }
    }

    private static DataResource DataFields(CacheReader r, string id, string name, string pkg, string path, string original) => new((ResourceType)r.Int())
    {
        UniqueId = id, Name = name, PackageName = pkg, Path = path, OriginalFilePath = original,
        Properties = r.Dict(), Config = new NodeConfig(r.Dict()), Refs = Refs(r), Group = r.Str(), NodeRelation = r.DictOrNull(), Schema = r.Str(),
        Position = r.Bool() ? (r.Int(), r.Int()) : null,
    };
}
