using System.Runtime.CompilerServices;

namespace Slipway.Engine.Tests;

/// <summary>Settings the whole test assembly runs with.</summary>
internal static class TestSetup
{
    /// <summary>
    /// Compile-ahead is chosen by core count on DuckDB (off on this 2-core CI machine): every run of the tests uses
    /// it, so that a difference it made to any result would fail some test.
    /// </summary>
    [ModuleInitializer]
    internal static void ForceCompileAhead() => Environment.SetEnvironmentVariable("SLIPWAY_COMPILE_AHEAD", "1");
}
