namespace Coordination.Contracts;

/// <summary>
/// Days as the agreement's offices count them. NTT keeps WITA (UTC+8), Kalbar and Kepri WIB
/// (UTC+7); taking the date in WITA never puts an office's "today" in the future for WIB
/// either. Indonesia has no daylight saving, so a fixed offset is exact.
/// </summary>
public static class Wita
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(moment.ToOffset(Offset).DateTime);
}
