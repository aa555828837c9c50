using Slipway.Engine.Compilation;
using Slipway.Engine.Parsing;
using Slipway.Engine.Project;

namespace Slipway.Engine.Tests.Manifest;

/// <summary>The demo project (samples/harbor_shop) parses, compiles and writes a valid manifest v12.</summary>
public sealed class SampleProjectTests
{
    [Fact]
    public void Sample_project_compiles_into_a_valid_manifest()
    {
        var dir = Path.Combine(TestPaths.RepoRoot, "samples", "harbor_shop");
        var env = new EnvironmentVariables(new Dictionary<string, string>());
        var config = RuntimeConfig.Load(new Invocation("compile", new Dictionary<string, object?> { ["project_dir"] = dir, ["profiles_dir"] = dir }), env);
        var parse = ManifestLoader.Load(new ParseRequest { Root = config.Project, Packages = config.Packages.Values.ToList(), Target = config.Target, Environment = env });
        new Compiler(parse).Compile(parse.Manifest.Nodes.Values.ToList());
        Assert.NotEmpty(parse.Manifest.Nodes.Values.OfType<global::Slipway.Engine.Manifest.ModelNode>());
        Assert.All(parse.Manifest.Nodes.Values.Where(n => n is not global::Slipway.Engine.Manifest.SeedNode and not global::Slipway.Engine.Manifest.HookNode),
            n => Assert.True(n.Compiled, n.UniqueId));
        ManifestSchemaTests.AssertValid(parse.Manifest);
    }
}
