namespace Coordination.RepatriationCosts;

public sealed class CostOptions
{
    public const string Section = "Costs";

    /// <summary>The most one line may claim, in whole rupiah: a typo of a few zeros is refused, not cleared.</summary>
    public long MaxLineAmount { get; set; } = 250_000_000;
}
