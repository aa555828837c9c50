using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Slipway.Bench.Jinja;
using Slipway.Jinja;

// Slipway side of the Jinja benchmark (run both sides with bench/jinja.sh):
//   Slipway.Bench.Jinja [TEMPLATES_DIR] [SECONDS_PER_MEASURE]
// One JSON line per template, the same fields as tools/jinja-reference/bench.py prints.
var folder = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "Templates");
var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0.5;
var context = BenchContext.Load(folder);
var environment = new JinjaEnvironment();

foreach (var file in Directory.GetFiles(folder, "*.sql").Order(StringComparer.Ordinal))
{
    var name = Path.GetFileName(file);
    var source = File.ReadAllText(file);
    string output;
    try
    {
        output = environment.FromString(source, name).Render(context);
    }
    catch (Exception e)
    {
        Console.WriteLine(JsonSerializer.Serialize(new { name, error = e.GetType().Name + ": " + e.Message }));
        continue;
    }
    // The environment caches compiled templates by source: clearing it makes every call compile again.
    var compileRender = Measure(_ =>
    {
        environment.ClearCache();
        return environment.FromString(source, name).Render(context);
    }, seconds);
    var template = environment.FromString(source, name);
    var render = Measure(_ => template.Render(context), seconds);
    Console.WriteLine(JsonSerializer.Serialize(new
    {
        name,
        compile_render_us = Math.Round(compileRender, 2),
        render_us = Math.Round(render, 2),
        output_sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(output))),
    }));
}

// Mean CPU microseconds per call (process CPU time, so other load on the machine distorts less than wall time; it
// includes the runtime's own threads, which only counts against Slipway), over at least 10 calls and `seconds` of
// wall time, after a warm-up for the JIT.
static double Measure(Func<int, string> action, double seconds)
{
    for (var i = 0; i < 200; i++) action(-1 - i);
    GC.Collect();
    var count = 0;
    var clock = Stopwatch.StartNew();
    var cpu = Environment.CpuUsage.TotalTime;
    while (true)
    {
        count++;
        action(count);
        if (count >= 10 && clock.Elapsed.TotalSeconds >= seconds) return (Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / count;
    }
}
