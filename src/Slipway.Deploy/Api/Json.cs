using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slipway.Deploy.Api;

/// <summary>The API speaks snake_case JSON, like dbt Cloud's.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        return options;
    }

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string? json, T fallback) =>
        string.IsNullOrEmpty(json) ? fallback : JsonSerializer.Deserialize<T>(json, Options) ?? fallback;
}
