using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestFramework("Slipway.Adapters.Postgres.Tests.PostgresTestFramework", "Slipway.Adapters.Postgres.Tests")]

namespace Slipway.Adapters.Postgres.Tests;

/// <summary>
/// xunit 2 has no skip decided at run time, and the conformance tests' [Fact]s live in another assembly; so
/// discovery itself reports every test as skipped, with <see cref="PgServer.SkipReason"/>, when no server is given.
/// </summary>
public sealed class PostgresTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assembly, ISourceInformationProvider source, IMessageSink sink)
        : XunitTestFrameworkDiscoverer(assembly, source, sink)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (PgServer.SkipReason is not { } reason || !testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any()
                || testMethod.TestClass.Class.GetCustomAttributes(typeof(NoServerAttribute)).Any())
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            var skipped = new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }
    }
}
