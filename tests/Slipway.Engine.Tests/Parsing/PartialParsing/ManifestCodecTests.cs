using Slipway.Engine.Artifacts;
using Slipway.Engine.Compilation;
using Slipway.Engine.Parsing;
using Slipway.Engine.Parsing.PartialParsing;
using Slipway.Engine.Project;

namespace Slipway.Engine.Tests.Parsing.PartialParsing;

/// <summary>
/// The cache's manifest codec keeps every field: a manifest written after a round trip through it is byte for byte
/// the manifest written before, for projects that use every resource type (versions, semantic models, snapshots,
/// exposures, disabled nodes, docs, columns, hooks), compiled or not.
/// </summary>
public sealed class ManifestCodecTests
{
    [Theory]
    [InlineData("harbor_basic")]
    [InlineData("harbor_semantic")]
    [InlineData("sample")]
    public void A_round_trip_through_the_cache_changes_nothing(string project)
    {
        ParseResult parse;
        if (project == "sample")
        {
            var dir = Path.Combine(TestPaths.RepoRoot, "samples", "harbor_shop");
            var env = new EnvironmentVariables(new Dictionary<string, string>());
            var config = RuntimeConfig.Load(new Invocation("compile", new Dictionary<string, object?> { ["project_dir"] = dir, ["profiles_dir"] = dir }), env);
            parse = ManifestLoader.Load(new ParseRequest { Root = config.Project, Packages = config.Packages.Values.ToList(), Target = config.Target, Environment = env });
        }
        else parse = FixtureLoader.Parse(project);
        foreach (var compiled in new[] { false, true })
        {
            if (compiled) new Compiler(parse).Compile(parse.Manifest.Nodes.Values.ToList());
            var before = Json(parse.Manifest);
            var decoded = RoundTrip(parse.Manifest);
            decoded.Metadata = parse.Manifest.Metadata;
            Assert.Equal(before, Json(decoded));
        }
    }

    /// <summary>
    /// Every settable property of every manifest type, as the codec stores them. A property added to a manifest type
    /// fails this test until ManifestCodec writes and reads it too (else a warm start would silently lose it).
    /// </summary>
    [Fact]
    public void The_codec_knows_every_property_of_the_manifest_types()
    {
        var known = new Dictionary<Type, string>
        {
            [typeof(global::Slipway.Engine.Manifest.ManifestNode)] = "Alias Checksum Columns Compiled CompiledCode CompiledPath Config ConfigCallDict ContractAliasTypes ContractChecksum ContractEnforced CreatedAt Database DependsOn Description DocBlocks DocsNodeColor DocsShow ExtraCtes ExtraCtesInjected Fqn Group Language Meta Metrics Name OriginalFilePath PackageName PatchPath Path RawCode Refs RelationName Schema BuildPath Sources Tags UniqueId UnrenderedConfig UnrenderedConfigCallDict",
            [typeof(global::Slipway.Engine.Manifest.ModelNode)] = "Access Constraints DeprecationDate Freshness LatestVersion PrimaryKey TimeSpine Version",
            [typeof(global::Slipway.Engine.Manifest.SeedNode)] = "RootPath",
            [typeof(global::Slipway.Engine.Manifest.GenericTestNode)] = "AttachedNode ColumnName FileKeyName TestMetadata",
            [typeof(global::Slipway.Engine.Manifest.HookNode)] = "Index",
            [typeof(global::Slipway.Engine.Manifest.SourceDefinition)] = "Columns Config CreatedAt Database DependsOn Description External Fqn Freshness Identifier LoadedAtField LoadedAtQuery Loader Meta Name OriginalFilePath PackageName PatchPath Path Quoting RelationName Schema SourceDescription SourceMeta SourceName Tags UniqueId UnrenderedConfig UnrenderedDatabase UnrenderedSchema",
            [typeof(global::Slipway.Engine.Manifest.Exposure)] = "Config CreatedAt DependsOn Description Fqn Label Maturity Meta Metrics Name OriginalFilePath Owner PackageName Path Refs Sources Tags Type UniqueId UnrenderedConfig Url",
            [typeof(global::Slipway.Engine.Manifest.DataResource)] = "Config CreatedAt DependsOn Description Fqn Group Meta Name NodeRelation OriginalFilePath PackageName Path Position Properties Refs Schema Tags UniqueId",
            [typeof(global::Slipway.Engine.Manifest.Macro)] = "Arguments CreatedAt DependsOnMacros Description DocsShow MacroSql Meta Name OriginalFilePath PackageName PatchPath Path SupportedLanguages UniqueId",
            [typeof(global::Slipway.Engine.Manifest.Documentation)] = "BlockContents Name OriginalFilePath PackageName Path UniqueId",
            [typeof(global::Slipway.Engine.Manifest.Group)] = "Config Description Name OriginalFilePath Owner PackageName Path UniqueId",
            [typeof(global::Slipway.Engine.Manifest.ColumnInfo)] = "Config Constraints DataType Description DocBlocks Granularity Meta Name Quote Tags",
            [typeof(global::Slipway.Engine.Manifest.TestMetadata)] = "Kwargs Name Namespace",
        };
        foreach (var (type, names) in known)
        {
            // Node subclasses list only their own properties (the base class row covers the shared ones).
            var own = type.IsSubclassOf(typeof(global::Slipway.Engine.Manifest.ManifestNode)) ? System.Reflection.BindingFlags.DeclaredOnly : 0;
            var flags = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | own;
            var actual = type.GetProperties(flags).Where(p => p.CanWrite).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
            Assert.True(names.Split(' ').Order(StringComparer.Ordinal).SequenceEqual(actual),
                $"{type.Name} has properties {string.Join(" ", actual)}: store any new one in ManifestCodec, then list it here");
        }
    }

    [Fact]
    public void A_decoded_manifest_builds_its_maps_once_when_first_read_from_any_thread()
    {
        var parse = FixtureLoader.Parse("harbor_basic");
        var decoded = RoundTrip(parse.Manifest);
        var seen = new Dictionary<string, List<string>>[8];
        Parallel.For(0, seen.Length, i => seen[i] = decoded.ChildMap);
        Assert.All(seen, map => Assert.Same(seen[0], map));
        Assert.NotEmpty(seen[0]);
        Assert.Equal(Text(parse.Manifest.ChildMap), Text(decoded.ChildMap));
        Assert.Equal(Text(parse.Manifest.ParentMap), Text(decoded.ParentMap));
        Assert.Equal(Text(parse.Manifest.GroupMap), Text(decoded.GroupMap));

        static string Text(Dictionary<string, List<string>> map) => string.Join("\n", map.Select(kv => kv.Key + ": " + string.Join(",", kv.Value)));
    }

    /// <summary>The manifest written to a cache buffer and read back (the reader must consume every byte).</summary>
    private static global::Slipway.Engine.Manifest.Manifest RoundTrip(global::Slipway.Engine.Manifest.Manifest m)
    {
        var buffer = new MemoryStream();
        var w = new CacheWriter(buffer);
        ManifestCodec.Write(w, m);
        w.Flush();
        buffer.Position = 0;
        var decoded = ManifestCodec.Read(new CacheReader(buffer));
        Assert.Equal(buffer.Length, buffer.Position);
        return decoded;
    }

    private static string Json(global::Slipway.Engine.Manifest.Manifest m)
    {
        var stream = new MemoryStream();
        ManifestWriter.Write(m, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
