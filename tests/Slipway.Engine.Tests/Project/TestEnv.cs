using Slipway.Engine.Project;

namespace Slipway.Engine.Tests.Project;

/// <summary>Builds an <see cref="EnvironmentVariables"/> from pairs, so tests never depend on the machine's environment.</summary>
internal static class TestEnv
{
    public static EnvironmentVariables Of(params (string Name, string Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));
}
