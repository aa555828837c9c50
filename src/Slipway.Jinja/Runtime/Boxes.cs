namespace Slipway.Jinja.Runtime;

/// <summary>Shared boxes for small ints: loop counters and small arithmetic results allocate nothing.</summary>
internal static class Boxes
{
    private const int Max = 1024;
    private static readonly object[] Small = CreateSmall();

    private static object[] CreateSmall()
    {
        var boxes = new object[Max + 1];
        for (var i = 0; i <= Max; i++) boxes[i] = (long)i;
        return boxes;
    }

    public static object Int(long value) => value is >= 0 and <= Max ? Small[value] : value;
}
