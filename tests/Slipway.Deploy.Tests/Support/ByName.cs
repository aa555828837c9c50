using Xunit.Abstractions;
using Xunit.Sdk;

namespace Slipway.Deploy.Tests.Support;

/// <summary>Runs a class's tests in the order of their names, for tests that share one long-lived fixture in stages.</summary>
public sealed class ByName : ITestCaseOrderer
{
    public const string Type = "Slipway.Deploy.Tests.Support.ByName";
    public const string Assembly = "Slipway.Deploy.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
}
