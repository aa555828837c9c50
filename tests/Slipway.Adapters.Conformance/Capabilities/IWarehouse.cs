namespace Slipway.Adapters.Conformance.Capabilities;

/// <summary>
/// The warehouse a capability class runs on: the profile target the engine connects with, and an adapter on the
/// same warehouse for the test's own queries. Adapter test projects implement it once; every capability class is
/// then subclassed with an empty body, e.g. <c>public sealed class DuckDbIncremental : IncrementalConformance&lt;DuckDbWarehouse&gt;;</c>.
/// </summary>
public interface IWarehouse
{
    /// <summary>The profile's <c>type</c> (<c>duckdb</c>, <c>postgres</c>), for the few documented adapter differences.</summary>
    string Type { get; }

    /// <summary>The profile target's keys (written to profiles.yml) for a project in <paramref name="projectDir"/> building into <paramref name="schema"/>.</summary>
    IReadOnlyDictionary<string, object?> Target(string projectDir, string schema);

    /// <summary>An adapter on the same warehouse as <see cref="Target"/>, for queries between engine runs.</summary>
    IAdapter Open(string projectDir);
}
