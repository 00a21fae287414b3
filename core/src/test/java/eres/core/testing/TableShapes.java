package eres.core.testing;

import eres.api.result.Coefficient;
import eres.api.result.Report;
import eres.api.result.Table;
import eres.api.result.TestStatistic;
import eres.api.table.EstimatesTable;
import eres.api.table.Language;
import eres.api.table.NumberFormat;
import eres.api.table.Stars;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table shapes every writer's golden files cover, built from fixed numbers (shared by the core
 * writers' tests and the formats plugin's through the core test-jar):
 *
 * <ul>
 *   <li>{@code esttab}: models side by side, spanning groups, (1)...(k), titles, dependent variable,
 *       coefficient rows with standard errors, indicator rows, statistics and a test, notes that differ per
 *       column (clustered and conventional standard errors), a small first-stage coefficient;</li>
 *   <li>{@code panels}: two panels under section headings sharing the column heads, regime rows and
 *       threshold statistics;</li>
 *   <li>{@code plain}: a table a step builds itself (stub head, body and footer rows, special characters);</li>
 *   <li>{@code chinese}: the esttab shape with Chinese labels and generated Chinese notes.</li>
 * </ul>
 */
public final class TableShapes {
    /** The notice the golden table files carry. */
    public static final String NOTICE = "SYNTHETIC DATA: numbers from a seeded simulation, not findings.";

    private TableShapes() {
    }

    public static List<String> names() {
        return List.of("esttab", "panels", "plain", "chinese");
    }

    public static Table shape(String name) {
        return switch (name) {
            case "esttab" -> esttab(Language.EN);
            case "panels" -> panels();
            case "plain" -> plain();
            case "chinese" -> esttab(Language.ZH);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** A report whose combined tables are the shapes, with the notice. */
    public static Report report(boolean chinese) {
        List<Table> tables = names().stream().map(TableShapes::shape).toList();
        return new Report("Golden tables", Map.of(), List.of(), tables, List.of(), NOTICE, chinese ? "zh" : "en");
    }

    static Coefficient c(String term, double b, double se, double p) {
        return new Coefficient(term, b, se, b / se, p, b - 1.96 * se, b + 1.96 * se);
    }

    static EstimatesTable.Column column(String title, String span, String dep, List<Coefficient> cs, double n, double r2,
                                        TestStatistic test, boolean controls, EstimatesTable.Covariance cov) {
        Map<String, Double> stats = new LinkedHashMap<>();
        stats.put("nobs", n);
        stats.put("r2-within", r2);
        Map<String, String> ind = new LinkedHashMap<>();
        ind.put("controls", controls ? "yes" : "no");
        ind.put("entity-effects", "yes");
        ind.put("time-effects", "yes");
        return new EstimatesTable.Column(title, span, dep, cs, stats, test == null ? List.of() : List.of(test), ind, cov, 0.95);
    }

    static Table esttab(Language lang) {
        EstimatesTable.Covariance cl = new EstimatesTable.Covariance("cluster", "province", 31L);
        EstimatesTable.Covariance conv = new EstimatesTable.Covariance("conventional", null, null);
        TestStatistic bp = TestStatistic.chi2("breusch-pagan", 96.2043, 1, 1.2e-22, "homoskedasticity");
        List<EstimatesTable.Column> cols = List.of(
                column("Baseline", "ln Opt", "eres", List.of(c("ln_opt", 0.0614, 0.0025, 1e-9)), 465, 0.57613, bp, false, cl),
                column("Controls", "ln Opt", "eres", List.of(c("ln_opt", 0.0386, 0.0052, 1e-6), c("fdi", 0.0078, 0.0038, 0.041),
                        c("urb", -0.0129, 0.0064, 0.045)), 465, 0.6121, bp, true, cl),
                column("First stage", "ln Int", "ln_int", List.of(c("iv", 0.0000826, 0.0000043, 1e-12), c("fdi", 0.00921, 0.0041, 0.025)),
                        1465, 0.79198, null, true, conv));
        Map<String, String> labels = lang == Language.ZH
                ? Map.of("eres", "经济韧性", "ln_opt", "光缆密度（对数）", "ln_int", "宽带端口（对数）", "fdi", "外商投资", "urb", "城镇化", "iv", "工具变量")
                : Map.of("eres", "Eres", "ln_opt", "ln Opt", "ln_int", "ln Int", "fdi", "FDI", "urb", "Urb & density", "iv", "IV (post offices 1984)");
        EstimatesTable.Layout layout = new EstimatesTable.Layout(new EstimatesTable.Rows(List.of("ln_opt", "iv", "fdi", "urb"), null, null,
                null), labels, List.of(new EstimatesTable.Indicator("controls", null, null, null),
                new EstimatesTable.Indicator("entity-effects", lang == Language.ZH ? null : "Province FE", null, null),
                new EstimatesTable.Indicator("time-effects", lang == Language.ZH ? null : "Year FE", null, null)),
                List.of(new EstimatesTable.Statistic("nobs", null), new EstimatesTable.Statistic("r2-within", null),
                        new EstimatesTable.Statistic("breusch-pagan", null)),
                new EstimatesTable.Style(new NumberFormat(4, 3, ",", 0.001, 3, 3), Stars.DEFAULT, EstimatesTable.Detail.SE, true, true, lang),
                List.of(lang == Language.ZH ? "数据：合成面板。" : "Data: synthetic panel; 100% of rows used."));
        return EstimatesTable.build(lang == Language.ZH ? "chinese" : "esttab",
                lang == Language.ZH ? "表 3：基准回归" : "Table 3: Baseline regressions <two-way FE>",
                List.of(new EstimatesTable.Panel(null, cols)), layout);
    }

    static Table panels() {
        EstimatesTable.Covariance cl = new EstimatesTable.Covariance("cluster", "province", 10L);
        Map<String, Double> th = new LinkedHashMap<>();
        th.put("nobs", 150.0);
        th.put("threshold-1", 4.3342);
        th.put("threshold-2", 5.6265);
        Map<String, Double> fe = Map.of("nobs", 150.0, "r2-within", 0.5);
        EstimatesTable.Panel a = new EstimatesTable.Panel("Panel A: two-way FE", List.of(
                new EstimatesTable.Column("east", null, "eres", List.of(c("ln_opt", 0.0765, 0.009, 1e-5)), fe, List.of(), Map.of(), cl, 0.95),
                new EstimatesTable.Column("west", null, "eres", List.of(c("ln_opt", -0.025, 0.0022, 0.2)), fe, List.of(), Map.of(), cl, 0.95)));
        EstimatesTable.Panel b = new EstimatesTable.Panel("Panel B: double threshold", List.of(
                new EstimatesTable.Column("east", null, "eres", List.of(c("ln_opt:lower", 0.0765, 0.009, 1e-5),
                        c("ln_opt:middle", 0.0889, 0.0084, 1e-5), c("ln_opt:upper", 0.0644, 0.0084, 1e-5)), th, List.of(), Map.of(), cl, 0.95),
                new EstimatesTable.Column("west", null, "eres", List.of(c("ln_opt:lower", 0.025, 0.0022, 0.08),
                        c("ln_opt:upper", 0.0372, 0.0014, 0.03)), th, List.of(), Map.of(), cl, 0.95)));
        Map<String, String> labels = Map.of("ln_opt", "ln Opt", "ln_opt:lower", "ln Opt (lower regime)", "ln_opt:middle",
                "ln Opt (middle regime)", "ln_opt:upper", "ln Opt (upper regime)", "eres", "Eres");
        EstimatesTable.Layout layout = new EstimatesTable.Layout(null, labels, List.of(),
                List.of(new EstimatesTable.Statistic("threshold-1", null), new EstimatesTable.Statistic("threshold-2", null),
                        new EstimatesTable.Statistic("nobs", null), new EstimatesTable.Statistic("r2-within", null)),
                new EstimatesTable.Style(NumberFormat.DEFAULT, Stars.DEFAULT, EstimatesTable.Detail.CI, true, true, Language.EN), List.of());
        return EstimatesTable.build("panels", "Table A1: Regional heterogeneity", List.of(a, b), layout);
    }

    static Table plain() {
        return Table.builder("plain", "Descriptive statistics (N = 465)").stub("Variable").columns("Mean", "SD", "Min", "Max")
                .row("Eres_index", "0.1848", "0.1354", "0.0077", "0.7773")
                .row("ln Opt (10,000 km)", "4.0805", "1.0579", "0.9103", "6.0851")
                .row("=HYPERLINK(\"x\") & 50% {a_b}", "-1", "+2", "@3", "#4")
                .footer("Observations", "465", "465", "465", "465")
                .note("Source: synthetic panel; ln = natural log.").build();
    }
}
