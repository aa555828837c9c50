using Slipway.Jinja;
using Slipway.Jinja.Values;

namespace Slipway.Engine.Contexts;

/// <summary>
/// dbt's <c>modules</c>: Python's <c>datetime</c> and <c>re</c> as Slipway.Jinja models them (one implementation,
/// checked against CPython in the Jinja tests: <c>datetime.datetime.now()</c>, <c>strptime</c>, <c>timedelta</c>
/// arithmetic, <c>re.sub</c> with Python's pattern syntax, …). Run time adds <c>pytz</c> (<see cref="RuntimeModules"/>).
/// </summary>
internal sealed class ModulesValue : IJinjaObject
{
    public static readonly ModulesValue Instance = new();

    private readonly PyDatetimeModule _datetime = new();
    private readonly PyReModule _re = new();

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "datetime" => _datetime,
            "re" => _re,
            _ => null,
        };
        return value is not null;
    }
}
