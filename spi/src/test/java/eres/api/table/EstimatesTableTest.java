package eres.api.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eres.api.result.Coefficient;
import eres.api.result.Table;
import eres.api.result.TestStatistic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The publication-table model: number formats, stars, rows, heads, notes, panels. */
class EstimatesTableTest {
    static Coefficient c(String term, double b, double se, double p) {
        return new Coefficient(term, b, se, b / se, p, b - 2 * se, b + 2 * se);
    }

    static EstimatesTable.Column col(String title, List<Coefficient> cs, EstimatesTable.Covariance cov) {
        return new EstimatesTable.Column(title, null, "y", cs, Map.of("nobs", 12345.0, "r2-within", 0.51234), List.of(
                TestStatistic.f("model-f", 12.3456, 2, 30, 0.0004, "slopes zero"), TestStatistic.chi2("first-stage-f ln_opt", 99.5, 1, 0.2, "x")),
                Map.of("controls", "yes", "fixed-effects", "fe.twoways"), cov, 0.95);
    }

    @Test
    void numbersAreFixedWithSignificantDigitsForTinyValuesAndNoScientificNotation() {
        NumberFormat f = NumberFormat.DEFAULT;
        assertThat(f.estimate(0.06144)).isEqualTo("0.0614");
        assertThat(f.estimate(-0.00000)).isEqualTo("0.0000");
        assertThat(f.estimate(8.257929238275749e-05)).isEqualTo("0.0000826");
        assertThat(f.estimate(0.0009)).isEqualTo("0.0009");
        assertThat(f.estimate(0.00093)).isEqualTo("0.00093");
        assertThat(f.estimate(0.0025)).isEqualTo("0.0025");
        assertThat(f.estimate(Double.NaN)).isEmpty();
        assertThat(f.pValue(0.00001)).isEqualTo("<0.001");
        assertThat(f.pValue(0.0123)).isEqualTo("0.012");
        assertThat(new NumberFormat(4, 3, ",", 0.0001, 3, 3).pValue(0.00023)).isEqualTo("0.0002");
        assertThat(new NumberFormat(2, 3, ",", 0.001, 3, 3).count(1234567)).isEqualTo("1,234,567");
        assertThat(new NumberFormat(2, 1, " ", 0.001, 3, 3).statistic(-12345.67)).isEqualTo("-12 345.7");
        assertThatThrownBy(() -> new NumberFormat(11, 3, "", 0.001, 3, 3)).hasMessageContaining("decimals");
    }

    @Test
    void starsFollowTheLevelsGiven() {
        assertThat(Stars.DEFAULT.of(0.009)).isEqualTo("***");
        assertThat(Stars.DEFAULT.of(0.05)).isEqualTo("*");
        assertThat(Stars.DEFAULT.of(0.2)).isEmpty();
        assertThat(new Stars(List.of(0.05, 0.01, 0.001)).of(0.0005)).isEqualTo("***");
        assertThat(Stars.DEFAULT.legend(", ")).isEqualTo("* p<0.1, ** p<0.05, *** p<0.01");
        assertThat(Stars.NONE.of(0.0)).isEmpty();
        assertThatThrownBy(() -> new Stars(List.of(0.01, 0.05))).hasMessageContaining("decrease");
    }

    @Test
    void esttabLayout() {
        EstimatesTable.Covariance cl = new EstimatesTable.Covariance("cluster", "code", 31L);
        EstimatesTable.Column a = new EstimatesTable.Column("A", "G", "y", List.of(c("x", 0.5, 0.1, 0.001), c("z", 1, 2, 0.6)),
                Map.of("nobs", 12345.0, "r2-within", 0.51234), List.of(TestStatistic.f("model-f", 12.3456, 2, 30, 0.0004, "h")),
                Map.of("controls", "no"), cl, 0.95);
        EstimatesTable.Column b = col("B", List.of(c("x2", 0.25, 0.05, 0.02)), cl);
        EstimatesTable.Layout layout = new EstimatesTable.Layout(new EstimatesTable.Rows(null, List.of("z"), null, Map.of("x2", "x")),
                Map.of("x", "Label x", "y", "Outcome"), List.of(new EstimatesTable.Indicator("controls", null, "YES", "NO"),
                new EstimatesTable.Indicator("fixed-effects", "FE", null, null)),
                List.of(new EstimatesTable.Statistic("nobs", null), new EstimatesTable.Statistic("r2-within", "Within R2"),
                        new EstimatesTable.Statistic("model-f", null), new EstimatesTable.Statistic("first-stage-f", null)),
                new EstimatesTable.Style(new NumberFormat(3, 2, ",", 0.001, 3, 3), Stars.DEFAULT, EstimatesTable.Detail.SE, true, true,
                        Language.EN), List.of("My note."));
        Table t = EstimatesTable.build("t", "T", List.of(new EstimatesTable.Panel(null, List.of(a, b))), layout);
        assertThat(t.columns()).containsExactly("(1)", "(2)");
        assertThat(t.spans()).containsExactly(new Table.Span("G", 0, 0));
        assertThat(t.heads()).extracting(Table.Row::label).containsExactly("", "Dependent variable");
        assertThat(t.heads().get(1).cells()).containsExactly("Outcome", "Outcome");
        // renamed x2 shares the row of x; z dropped
        assertThat(t.rows()).extracting(Table.Row::label).containsExactly("Label x", "", "Controls", "FE", "Observations", "Within R2",
                "F test (all slopes zero)", "First-stage F (ln_opt)");
        assertThat(t.rows().get(0).cells()).containsExactly("0.500***", "0.250**");
        assertThat(t.rows().get(1).cells()).containsExactly("(0.100)", "(0.050)");
        assertThat(t.rows().get(2).cells()).containsExactly("NO", "YES");
        assertThat(t.rows().get(3).cells()).containsExactly("", "Entity and time");
        assertThat(t.rows().get(4).cells()).containsExactly("12,345", "12,345");
        assertThat(t.rows().get(5).cells()).containsExactly("0.51", "0.51");
        assertThat(t.rows().get(6).cells()).containsExactly("12.35***", "12.35***");
        assertThat(t.rows().get(7).cells()).containsExactly("", "99.50");
        assertThat(t.ruleAbove(2)).isTrue();
        assertThat(t.ruleAbove(3)).isFalse();
        assertThat(t.ruleAbove(4)).isTrue();
        assertThat(t.notes()).containsExactly("Standard errors in parentheses; * p<0.1, ** p<0.05, *** p<0.01.",
                "Standard errors: clustered by code (31 clusters).", "My note.");
    }

    @Test
    void notesNameTheStandardErrorsPerColumnWhenTheyDiffer() {
        EstimatesTable.Covariance cl = new EstimatesTable.Covariance("cluster", "code", 31L);
        List<EstimatesTable.Column> cols = List.of(col("a", List.of(c("x", 1, 1, 0.5)), cl), col("b", List.of(c("x", 1, 1, 0.5)), cl),
                col("c", List.of(c("x", 1, 1, 0.5)), new EstimatesTable.Covariance("conventional", null, null)),
                col("d", List.of(c("x", 1, 1, 0.5)), cl));
        Table t = EstimatesTable.build("t", "T", List.of(new EstimatesTable.Panel(null, cols)), new EstimatesTable.Layout(null, null, null,
                null, null, null));
        assertThat(t.notes().get(1)).isEqualTo("Standard errors: (1)-(2), (4) clustered by code (31 clusters); (3) conventional (homoskedastic).");
        Table zh = EstimatesTable.build("t", "T", List.of(new EstimatesTable.Panel(null, cols)), new EstimatesTable.Layout(null, null, null,
                null, new EstimatesTable.Style(NumberFormat.DEFAULT, Stars.DEFAULT, EstimatesTable.Detail.T, true, true, Language.ZH), null));
        assertThat(zh.notes().get(0)).isEqualTo("括号内为 t 值；* p<0.1，** p<0.05，*** p<0.01。");
        assertThat(zh.notes().get(1)).isEqualTo("标准误：(1)-(2), (4) 按 code 聚类（31 个聚类）；(3) 常规（同方差）。");
        assertThat(zh.heads().get(1).label()).isEqualTo("被解释变量");
        assertThat(zh.rows().get(1).cells().get(0)).isEqualTo("(1.00)");
    }

    @Test
    void oneClusterVariableWithDifferentCountsIsSaidOnce() {
        List<EstimatesTable.Column> cols = List.of(col("a", List.of(c("x", 1, 1, 0.5)), new EstimatesTable.Covariance("cluster", "code", 31L)),
                col("b", List.of(c("x", 1, 1, 0.5)), new EstimatesTable.Covariance("cluster", "code", 6L)));
        EstimatesTable.Layout en = new EstimatesTable.Layout(null, null, null, null, null, null);
        assertThat(EstimatesTable.build("t", "T", List.of(new EstimatesTable.Panel(null, cols)), en).notes().get(1))
                .isEqualTo("Standard errors: clustered by code (31, 6 clusters in (1)-(2)).");
        EstimatesTable.Layout zh = new EstimatesTable.Layout(null, null, null, null, new EstimatesTable.Style(NumberFormat.DEFAULT,
                Stars.DEFAULT, EstimatesTable.Detail.SE, true, true, Language.ZH), null);
        assertThat(EstimatesTable.build("t", "T", List.of(new EstimatesTable.Panel(null, cols)), zh).notes().get(1))
                .isEqualTo("标准误：按 code 聚类（(1)-(2) 分别为 31, 6 个聚类）。");
    }

    @Test
    void panelsShareHeadsAndLeaveOutRowsNoColumnHas() {
        EstimatesTable.Column fe = new EstimatesTable.Column("east", null, "y", List.of(c("x", 1, 0.5, 0.04)), Map.of("nobs", 10.0),
                List.of(), Map.of(), null, 0.95);
        EstimatesTable.Column th = new EstimatesTable.Column("east", null, "y", List.of(c("x:lower", 1, 0.5, 0.04)),
                Map.of("nobs", 10.0, "threshold-1", 1.23456), List.of(), Map.of(), null, 0.95);
        EstimatesTable.Layout layout = new EstimatesTable.Layout(null, null, null, List.of(new EstimatesTable.Statistic("threshold-1", null),
                new EstimatesTable.Statistic("nobs", null)), new EstimatesTable.Style(NumberFormat.DEFAULT, Stars.NONE,
                EstimatesTable.Detail.CI, false, false, Language.EN), null);
        Table t = EstimatesTable.build("t", "T", List.of(new EstimatesTable.Panel("A", List.of(fe)), new EstimatesTable.Panel("B", List.of(th))),
                layout);
        assertThat(t.columns()).containsExactly("east");
        assertThat(t.heads()).isEmpty();
        assertThat(t.rows()).extracting(Table.Row::label).containsExactly("A", "x", "", "Observations", "B", "x:lower", "", "Threshold γ₁",
                "Observations");
        assertThat(t.rows().get(2).cells()).containsExactly("[0.0000, 2.0000]");
        assertThat(t.rows().get(7).cells()).containsExactly("1.2346");
        assertThat(t.notes()).containsExactly("95% confidence intervals in brackets.");
        assertThatThrownBy(() -> EstimatesTable.build("t", "T", List.of(new EstimatesTable.Panel("A", List.of(fe)),
                new EstimatesTable.Panel("B", List.of(th, th))), layout)).hasMessageContaining("has 2 columns");
    }

    @Test
    void vocabularyNamesTestsForPeople() {
        assertThat(Vocabulary.testName("entity-effects-f", Language.EN, Map.of())).isEqualTo("F test (no entity effects)");
        assertThat(Vocabulary.testName("wald-groupwise", Language.ZH, Map.of())).isEqualTo("组间异方差 Wald 检验 χ²");
        assertThat(Vocabulary.testName("sobel:div", Language.EN, Map.of("div", "Div"))).isEqualTo("Sobel z (Div)");
        assertThat(Vocabulary.testName("my-test", Language.EN, Map.of())).isEqualTo("my-test");
        assertThat(Vocabulary.isTest("test:my-test")).isTrue();
        assertThat(Vocabulary.isTest("nobs")).isFalse();
        assertThat(Vocabulary.kind("r2-within")).isEqualTo(Vocabulary.Kind.REAL);
    }
}
