namespace SmartPick.Ranking.Model;

/// <summary>
/// Every coefficient of the interview model (log-odds units). Defaults are documented in knowledge/model.md §5,
/// each either derived from a cited figure or marked there as a documented prior; bind from configuration to change.
/// </summary>
public sealed class ModelCoefficients
{
    /// <summary>US-IMG shift on the specialty log-odds: logit(67.8%) − logit(58.0%), 2025 match rates (prior).</summary>
    public double UsImgShift { get; set; } = 0.42;

    public double ImgShareWeight { get; set; } = 0.5;
    public double ReferenceImgShare { get; set; } = 40.75;
    public double UniversityImgShare { get; set; } = 8.8;
    public double CommunityUniversityImgShare { get; set; } = 62.0;
    public double CommunityImgShare { get; set; } = 41.0;
    public double MilitaryImgShare { get; set; } = 2.0;
    public double NewProgramBonus { get; set; } = 0.2;
    public int NewProgramSince { get; set; } = 2016;
    public double UnknownVisaPenalty { get; set; } = -0.3;

    public double LevelBase { get; set; } = 228;
    public double LevelPerUsmdShare { get; set; } = 22;
    public double BelowLevelPer10 { get; set; } = 0.5;
    public double SoftRulePenalty { get; set; } = -0.7;

    public double FirstFailure { get; set; } = -0.8;
    public double AdditionalFailure { get; set; } = -0.4;
    public double MaxFailurePenalty { get; set; } = -2.0;

    public double YogFourToFive { get; set; } = -0.2;
    public double YogSixToNine { get; set; } = -0.5;
    public double YogTenPlus { get; set; } = -0.9;

    public double UscePerMonth { get; set; } = 0.15;
    public int UscePivotMonths { get; set; } = 3;
    public int UsceCapMonths { get; set; } = 6;
    public double HandsOn { get; set; } = 0.2;
    public double ObservershipOnly { get; set; } = -0.2;
    public double CaliforniaUsce { get; set; } = 0.2;

    public double UsLetterEach { get; set; } = 0.1;
    public int UsLetterPivot { get; set; } = 2;
    public int UsLetterCap { get; set; } = 4;
    public double SpecialtyLetterEach { get; set; } = 0.15;
    public int SpecialtyLetterPivot { get; set; } = 1;
    public int SpecialtyLetterCap { get; set; } = 3;
    public double CaliforniaLetter { get; set; } = 0.2;

    public double Spanish { get; set; } = 0.2;
    public double Step3Passed { get; set; } = 0.1;
    public double H1bStep3Ready { get; set; } = 0.3;
    public double PreferredRegion { get; set; } = 0.15;
}
