using System.Reflection;

namespace Slipway.Jinja.Tests.Conformance;

/// <summary>
/// Gives an environment a dict loader for the corpus's extra templates. The loader API
/// (<c>JinjaEnvironment.Loader</c>, <c>DictLoader</c>) lands in the engine after these tests were written, so it is
/// bound by name; a missing API fails the inheritance cases with a clear message instead of breaking the build.
/// </summary>
internal static class DictLoaderBinding
{
    public static void Attach(JinjaEnvironment environment, IReadOnlyDictionary<string, string> templates)
    {
        var assembly = typeof(JinjaEnvironment).Assembly;
        var loaderType = assembly.GetTypes().FirstOrDefault(t => t.Name == "DictLoader")
            ?? throw new NotSupportedException("Slipway.Jinja has no DictLoader yet");
        var loader = Construct(loaderType, templates);
        var property = typeof(JinjaEnvironment).GetProperty("Loader", BindingFlags.Public | BindingFlags.Instance)
            ?? throw new NotSupportedException("JinjaEnvironment has no Loader property yet");
        if (property.CanWrite)
        {
            property.SetValue(environment, loader);
            return;
        }
        throw new NotSupportedException("JinjaEnvironment.Loader cannot be set");
    }

    private static object Construct(Type loaderType, IReadOnlyDictionary<string, string> templates)
    {
        var copy = new Dictionary<string, string>(templates, StringComparer.Ordinal);
        foreach (var ctor in loaderType.GetConstructors())
        {
            var parameters = ctor.GetParameters();
            if (parameters.Length >= 1 && parameters[0].ParameterType.IsAssignableFrom(copy.GetType())
                && parameters.Skip(1).All(p => p.HasDefaultValue))
            {
                return ctor.Invoke([copy, .. parameters.Skip(1).Select(p => p.DefaultValue)]);
            }
        }
        throw new NotSupportedException($"{loaderType.Name} has no constructor taking a dictionary of templates");
    }
}
