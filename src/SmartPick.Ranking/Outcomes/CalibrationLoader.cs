using SmartPick.Ranking.Catalog;

namespace SmartPick.Ranking.Outcomes;

/// <summary>Reads <c>knowledge/outcomes/specialty-calibration.csv</c>.</summary>
public static class CalibrationLoader
{
    private static readonly string[] Required =
    [
        "specialty", "n_step2ck", "base_rate", "pooled_sd", "score_center", "score_gap", "b10_fit", "shape", "l240", "b10",
        "reference_applications", "source", "source_url", "retrieved_on",
    ];

    public static IReadOnlyList<SpecialtyCalibration> Load(TextReader reader, string file)
    {
        var table = CsvTable.Parse(reader, file, Required);
        var list = new List<SpecialtyCalibration>();
        foreach (var row in table.Rows)
        {
            var shape = row.Required("shape") switch
            {
                "logistic" => CurveShape.Logistic,
                "flat" => CurveShape.Flat,
                var s => throw row.Fail("shape", $"'{s}' is not logistic or flat"),
            };
            var b10 = row.Real("b10", 0, 5) ?? throw row.Fail("b10", "value is required");
            if (shape == CurveShape.Flat && b10 != 0)
            {
                throw row.Fail("b10", "a flat curve must have b10 = 0");
            }

            list.Add(new SpecialtyCalibration
            {
                Specialty = row.Required("specialty"),
                SampleSize = row.WholeNumber("n_step2ck", 1, 1_000_000) ?? throw row.Fail("n_step2ck", "value is required"),
                BaseRate = Req(row, "base_rate", 0.001, 0.999),
                PooledSd = Req(row, "pooled_sd", 1, 50),
                ScoreCenter = Req(row, "score_center", 150, 300),
                ScoreGap = Req(row, "score_gap", -50, 50),
                B10Fit = Req(row, "b10_fit", -5, 5),
                Shape = shape,
                L240 = Req(row, "l240", -10, 10),
                B10 = b10,
                ReferenceApplications = row.WholeNumber("reference_applications", 1, 1000) ?? throw row.Fail("reference_applications", "value is required"),
                Provenance = new Provenance(row.Required("source"), row.Required("source_url"), row.Required("retrieved_on")),
            });
        }

        return list;
    }

    private static double Req(CsvRow row, string column, double min, double max) =>
        row.Real(column, min, max) ?? throw row.Fail(column, "value is required");
}
