using System.Globalization;
using Coordination.Eventing;

namespace Coordination.RepatriationCosts.Clearing;

/// <summary>Monthly clearing periods, named <c>yyyy-MM</c>.</summary>
public static class Periods
{
    public static bool TryParse(string? text, out DateOnly firstDay) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out firstDay);

    public static string Name(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static IResult Malformed() => Problems.Malformed("period", "period is a month as YYYY-MM.");
}
