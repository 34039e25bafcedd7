namespace SmartPick.Ranking.Model;

/// <summary>One additive log-odds term of a program's interview chance; a program's factors sum to its logit.</summary>
public sealed record Factor(string Name, double Contribution, string Detail, string Source);
