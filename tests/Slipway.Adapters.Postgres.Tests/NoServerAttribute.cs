namespace Slipway.Adapters.Postgres.Tests;

/// <summary>The class's tests need no PostgreSQL server, so they run even when <c>SLIPWAY_TEST_PG</c> is unset.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NoServerAttribute : Attribute;
