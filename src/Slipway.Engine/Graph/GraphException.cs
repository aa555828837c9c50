namespace Slipway.Engine.Graph;

/// <summary>A DAG that cannot be built: a cycle, or a dependency on something that is not in the manifest.</summary>
public sealed class GraphException(string message) : Exception(message);
