package eres.plugins.formats;

import eres.plugins.studychina.Provinces;
import eres.core.io.CsvReader;
import eres.core.io.DataSpec;
import eres.core.io.PanelLoader;
import eres.api.panel.Effects;
import eres.api.panel.PanelFit;
import eres.api.panel.PanelRegression;
import eres.api.panel.VcovType;
import eres.api.table.Formats;
import eres.api.table.RegressionTable;
import eres.api.SpecException;
import eres.api.data.Panel;
import eres.api.result.Figure;
import eres.api.result.OutputNames;
import eres.api.result.OutputSink;
import eres.api.result.Report;
import eres.api.result.Table;
import eres.api.result.Warning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports for the writer tests, built from real estimates: two-way FE regressions of log GDP on log
 * population and the urbanisation rate on the embedded NBS panel (all provinces, and the east only),
 * laid out by core's RegressionTable as the chain runner does.
 */
final class SampleReports {
    private SampleReports() {
    }

    static Panel nbs() {
        var raw = CsvReader.parse("panel.csv", Provinces.resource("panel_2008_2022.csv"), ',');
        Panel p = PanelLoader.load(raw, new DataSpec("panel.csv", "code", "year", "region",
                List.of("gdp_100m_cny", "population_yearend_10k", "urbanization_rate_pct"), "error", null)).panel();
        double[] gdp = p.column("gdp_100m_cny");
        double[] pop = p.column("population_yearend_10k");
        for (int i = 0; i < gdp.length; i++) {
            gdp[i] = Math.log(gdp[i]);
            pop[i] = Math.log(pop[i]);
        }
        return p.withColumn("lngdp", gdp).withColumn("lnpop", pop);
    }

    static PanelFit fit(Panel p) {
        return PanelRegression.fit(p, new PanelRegression.Spec("lngdp", List.of("lnpop", "urbanization_rate_pct"),
                Effects.parse("effects", "twoways"), VcovType.parse("se", "cluster"), null, 0.95));
    }

    static Map<String, String> footer(PanelFit f) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Province FE", "Yes");
        m.put("Year FE", "Yes");
        m.put("Observations", Formats.count(f.nobs()));
        m.put("R-squared (within)", Formats.fixed(f.r2(), 4));
        return m;
    }

    /**
     * A report with a step table, a per-group entry and a combined table (two models side by side, a
     * spanning header). {@code chinese} adds a Chinese group name and labels, as a Chinese user's run has.
     */
    static Report report(boolean chinese) {
        Panel all = nbs();
        Panel east = all.split("region").get("east");
        PanelFit fAll = fit(all);
        PanelFit fEast = fit(east);
        Map<String, String> labels = chinese
                ? Map.of("lnpop", "ln 人口", "urbanization_rate_pct", "城镇化率 (%)")
                : Map.of("lnpop", "ln population", "urbanization_rate_pct", "urbanization_rate (%)");
        Table baseline = new RegressionTable("coefficients", "Two-way FE: ln GDP on ln population & urbanization")
                .stub("Variable").labels(labels).column("(1)", fAll.coefficients(), footer(fAll))
                .note("Standard errors clustered by province (" + fAll.clusters() + " clusters); 100% of rows used, x_1 < x_2.")
                .build();
        Table tests = Table.builder("tests", "Specification tests").stub("Test").columns("Statistic", "df", "p-value")
                .row("model-f", Formats.fixed(fAll.fModel(), 4), "2, 30", Formats.pValue(fAll.fModelP()))
                .row("=HYPERLINK(\"http://x\")", "-1.5", "", "@risk")
                .build();
        Table combined = new RegressionTable("by-region", "ln GDP by sample").stub("").labels(labels)
                .column("All", fAll.coefficients(), footer(fAll))
                .column(chinese ? "东部" : "East", fEast.coefficients(), footer(fEast))
                .span("Two-way fixed effects", 0, 1)
                .note("Clustered by province.")
                .build();
        Table sectioned = Table.builder("sections", "Panels").stub("").columns("A", "B")
                .section("Panel A: levels").row("x", "1.0***", "2.0").detail(List.of("(0.1)", "(0.2)"))
                .section("Panel B: logs").row("[y]", "-0.5*", "").footer("N", "10", "12").build();
        String group = chinese ? "东部" : "east";
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("data", "Real NBS provincial panel 2008-2022 (data.stats.gov.cn)");
        provenance.put("data sha256", "9f2b8c0e4f1d2a3b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b");
        provenance.put("seed", 20250101L);
        Figure fig = new Figure("lr", "LR profile", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", null);
        List<Report.Entry> entries = List.of(
                new Report.Entry("baseline", "panel-fe", null, "Baseline", List.of(baseline, tests, sectioned), List.of(fig),
                        List.of("figures/baseline-lr.svg"), List.of(new Warning("few-clusters", "only 31 clusters")), null),
                new Report.Entry("baseline", "panel-fe", group, "Baseline", List.of(baseline), List.of(), List.of(), List.of(), null),
                new Report.Entry("broken", "threshold", null, null, List.of(), List.of(), List.of(), List.of(),
                        "regime variable 'opt' is constant"));
        return new Report(chinese ? "韧性研究 resilience study" : "Resilience study", provenance, entries, List.of(combined),
                List.of());
    }

    /** An output sink writing under a directory, refusing unsafe paths like the run's sink. */
    static OutputSink sink(Path dir) {
        return (relativePath, content) -> {
            for (String seg : relativePath.split("/")) {
                if (!OutputNames.isSafe(seg)) throw new SpecException("path", "unsafe output path " + relativePath);
            }
            try {
                Path p = dir.resolve(relativePath);
                Files.createDirectories(p.getParent());
                Files.write(p, content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
