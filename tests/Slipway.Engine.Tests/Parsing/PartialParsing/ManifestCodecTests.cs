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
            var buffer = new MemoryStream();
            var w = new CacheWriter(buffer);
            ManifestCodec.Write(w, parse.Manifest);
            w.Flush();
            buffer.Position = 0;
            var decoded = ManifestCodec.Read(new CacheReader(buffer));
            decoded.Metadata = parse.Manifest.Metadata;
            Assert.Equal(before, Json(decoded));
            Assert.Equal(buffer.Length, buffer.Position);
        }
    }

    private static string Json(global::Slipway.Engine.Manifest.Manifest m)
    {
        var stream = new MemoryStream();
        ManifestWriter.Write(m, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
