using System.Runtime;
using Slipway.Engine.Compilation;
using Slipway.Engine.Compilation.Commands;
using Slipway.Engine.Parsing.PartialParsing;
using Slipway.Engine.Project;

namespace Slipway.Engine.Tests.Parsing.PartialParsing;

/// <summary>The garbage collector's mode is the whole process's: these tests run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(CollectionPauseTests), DisableParallelization = true)]
public sealed class CollectionPauseCollection;

/// <summary>
/// A warm start restores the partial-parse cache without garbage collections (<see cref="CollectionPause"/>); every
/// command must get the normal collector back, or a long <c>run</c> would grow without bound.
/// </summary>
[Collection(nameof(CollectionPauseTests))]
public sealed class CollectionPauseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("slipway-pause-").FullName;

    public CollectionPauseTests()
    {
        File.WriteAllText(Path.Combine(_dir, "dbt_project.yml"), "name: shop\nversion: '1.0'\nprofile: shop\n");
        File.WriteAllText(Path.Combine(_dir, "profiles.yml"), "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: shop.duckdb\n");
        Directory.CreateDirectory(Path.Combine(_dir, "models"));
        File.WriteAllText(Path.Combine(_dir, "models", "a.sql"), "select 1 as id\n");
        File.WriteAllText(Path.Combine(_dir, "models", "b.sql"), "select * from {{ ref('a') }}\n");
    }

    public void Dispose()
    {
        CollectionPause.End();
        Directory.Delete(_dir, recursive: true);
    }

    private ProjectSession Load(bool readOnly)
    {
        var flags = new Dictionary<string, object?>(StringComparer.Ordinal) { ["project_dir"] = _dir, ["profiles_dir"] = _dir };
        return ProjectSession.Load(RuntimeConfig.Load(new Invocation("parse", flags), new EnvironmentVariables(new Dictionary<string, string>())), readOnly: readOnly);
    }

    [Fact]
    public void A_warm_start_gives_the_collector_back_when_the_parse_ends()
    {
        Load(readOnly: false).WriteManifest();
        File.AppendAllText(Path.Combine(_dir, "models", "b.sql"), "-- changed\n");
        var session = Load(readOnly: false);
        Assert.Equal(PartialParser.Outcome.Partial, session.ParseOutcome);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_read_only_warm_start_gives_the_collector_back_when_it_finishes()
    {
        var cold = Load(readOnly: true);
        cold.WriteManifest(asParsed: true);
        cold.Finish();
        var warm = Load(readOnly: true);
        Assert.Equal(PartialParser.Outcome.Unchanged, warm.ParseOutcome);
        // Paused while the command writes manifest.json (the runtime may refuse a pause: then there is nothing to end).
        warm.WriteManifest(asParsed: true);
        warm.Finish();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_pause_ends_once_and_ending_it_again_or_after_its_budget_ran_out_is_harmless()
    {
        CollectionPause.Begin(1024);
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        CollectionPause.Begin(1024); // already paused: nothing happens
        CollectionPause.End();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        CollectionPause.End();

        // The smallest budget is 16 MB: allocating four times that makes the runtime collect, which ends the pause.
        CollectionPause.Begin(1024);
        var kept = new List<byte[]>();
        for (var i = 0; i < 64; i++) kept.Add(new byte[1 << 20]);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        CollectionPause.End();
        GC.KeepAlive(kept);
    }

    [Fact]
    public void A_held_pause_outlasts_the_restores_end_and_ends_with_the_hold_or_a_full_parse()
    {
        using (CollectionPause.Hold(64L << 20))
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            CollectionPause.Begin(1024); // the restore's own pause: already paused
            CollectionPause.End(); // the restore ends: the command still holds the pause
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);

        var hold = CollectionPause.Hold(64L << 20);
        CollectionPause.EndForGarbage(); // a full parse makes garbage: collections come back although held
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        hold.Dispose();
        hold.Dispose();
        CollectionPause.Begin(1024);
        CollectionPause.End(); // nothing is held any more
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_warm_run_gives_the_collector_back_when_it_returns()
    {
        Load(readOnly: false).WriteManifest();
        var flags = new Dictionary<string, object?>(StringComparer.Ordinal) { ["project_dir"] = _dir, ["profiles_dir"] = _dir, ["quiet"] = true };
        var invocation = new Invocation("run", flags);
        var config = RuntimeConfig.Load(invocation, new EnvironmentVariables(new Dictionary<string, string>()));
        using var console = new StringWriter();
        using var log = new Slipway.Engine.Logging.EventLog(console, new Slipway.Engine.Logging.EventLogOptions("text", true, false, null, "x"),
            new EnvironmentVariables(new Dictionary<string, string>()).Masker);
        Assert.Equal(0, EngineCommands.Find("run")!.Execute(config, log, CancellationToken.None));
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}
