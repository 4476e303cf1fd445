namespace Coordination.Contracts;

/// <summary>Kemendagri codes of the provinces of the triangular agreement.</summary>
public static class Provinces
{
    public const string Kepri = "21";
    public const string Ntt = "53";
    public const string Kalbar = "61";
}
