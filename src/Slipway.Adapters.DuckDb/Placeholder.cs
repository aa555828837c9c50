namespace Slipway.Adapters.DuckDb; internal static class Placeholder {}
