package eres.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import eres.api.data.Panel;
import eres.core.io.Expression.ExpressionException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The expression language of {@code generate}: precedence and associativity, every function and
 * operator, missing values, time-series operators over gaps, group statistics, and every syntax and
 * type error with its position.
 */
class ExpressionTest {
    // entity 1 has a gap in 2002; entity 2 a missing y in 2001; region is text
    static final String CSV = "id,year,region,x,z\n1,2000,east,1,0\n1,2001,east,2,-1\n1,2003,east,4,4\n"
            + "2,2000,west,5,2\n2,2001,west,6,2\n2,2002,west,7,9\n";

    static Panel panel() {
        Panel p = PanelLoader.load(CsvReader.parse("t.csv", CSV, ','), new DataSpec("t.csv", "id", "year", "region", null, "error", null))
                .panel();
        return p.withColumn("y", new double[] {10, 20, 40, 50, Double.NaN, 70});
    }

    static double[] eval(String expr) {
        return ExpressionEvaluator.evaluate(Expression.parse(expr), panel(), new ExpressionEvaluator.Issues());
    }

    static double value(String constantExpr) {
        return eval(constantExpr)[0];
    }

    static final double NA = Double.NaN;

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
            "1 + 2 * 3; 7", "(1 + 2) * 3; 9", "10 - 3 - 2; 5", "8 / 4 / 2; 1", "2 ^ 3 ^ 2; 512", "2 ** 3; 8",
            "-2 ^ 2; -4", "2 ^ -1; 0.5", "- -3; 3", "+4; 4", "1e3; 1000", ".5 + 1.5; 2", "2.5E-1; 0.25",
            "1 + 2 == 3; 1", "1 != 1; 0", "1 ~= 2; 1", "1 <> 2; 1", "2 < 1; 0", "2 <= 2; 1", "3 > 2; 1", "3 >= 4; 0",
            "!0; 1", "!5; 0", "~0; 1", "!!3; 1", "1 < 2 & 2 < 3; 1", "0 | 1; 1", "0 || 0; 0", "1 && 1; 1",
            "1 | 0 & 0; 1", "!1 | 1; 1", "2 * 3 > 5; 1", "-1 < 0; 1",
            "ln(1); 0", "log(1); 0", "log10(1000); 3", "exp(0); 1", "sqrt(16); 4", "abs(-3); 3",
            "floor(-2.5); -3", "ceil(-2.5); -2", "int(-2.7); -2", "int(2.7); 2",
            "round(2.5); 3", "round(-2.5); -3", "round(2.4); 2", "round(1234, 100); 1200", "round(1250, 100); 1300",
            "round(0.125, 0.25); 0.25", "mod(7, 3); 1", "mod(-7, 3); 2", "mod(7, -3); -2",
            "min(3, 1, 2); 1", "max(3, 1, 2); 3", "if(1, 10, 20); 10", "if(0, 10, 20); 20", "cond(2 > 1, 5, 6); 5",
            "inrange(5, 1, 5); 1", "inrange(6, 1, 5); 0", "inlist(3, 1, 2, 3); 1", "inlist(4, 1, 2, 3); 0",
            "missing(1); 0", "((((1)))); 1"})
    void arithmeticAndFunctions(String expr, double expected) {
        assertThat(value(expr)).as(expr).isCloseTo(expected, within(1e-12));
    }

    @Test
    void columnsTimeAndText() {
        assertThat(eval("x * 2 + y")).containsExactly(12, 24, 48, 60, NA, 84);
        assertThat(eval("year - 2000")).containsExactly(0, 1, 3, 0, 1, 2);
        assertThat(eval("region == \"east\"")).containsExactly(1, 1, 1, 0, 0, 0);
        assertThat(eval("region != 'east'")).containsExactly(0, 0, 0, 1, 1, 1);
        assertThat(eval("\"west\" == region")).containsExactly(0, 0, 0, 1, 1, 1);
        assertThat(eval("id == \"2\"")).containsExactly(0, 0, 0, 1, 1, 1);
        assertThat(eval("inlist(region, \"north\", \"west\")")).containsExactly(0, 0, 0, 1, 1, 1);
        assertThat(eval("missing(y)")).containsExactly(0, 0, 0, 0, 1, 0);
        assertThat(eval("missing(region)")).containsExactly(0, 0, 0, 0, 0, 0);
        assertThat(eval("`x` + 0")).containsExactly(1, 2, 4, 5, 6, 7);
    }

    @Test
    void chineseNamesNeedNoQuotes() {
        Panel p = panel().withColumn("人口", new double[] {1, 2, 3, 4, 5, 6});
        double[] v = ExpressionEvaluator.evaluate(Expression.parse("人口 * 2"), p, new ExpressionEvaluator.Issues());
        assertThat(v).containsExactly(2, 4, 6, 8, 10, 12);
    }

    @Test
    void quotedNamesReachAnyColumn() {
        Panel p = panel().withColumn("L.x", new double[] {1, 2, 3, 4, 5, 6}).withColumn("gdp-2008", new double[] {6, 5, 4, 3, 2, 1});
        double[] v = ExpressionEvaluator.evaluate(Expression.parse("`L.x` + `gdp-2008`"), p, new ExpressionEvaluator.Issues());
        assertThat(v).containsExactly(7, 7, 7, 7, 7, 7);
    }

    @Test
    void missingValuesPropagateAndLogicIsThreeValued() {
        assertThat(eval("y + 1")[4]).isNaN();
        assertThat(eval("y > 0")[4]).isNaN();
        assertThat(eval("(y > 0) & 0")[4]).isEqualTo(0);
        assertThat(eval("0 & (y > 0)")[4]).isEqualTo(0);
        assertThat(eval("(y > 0) | 1")[4]).isEqualTo(1);
        assertThat(eval("(y > 0) & 1")[4]).isNaN();
        assertThat(eval("(y > 0) | 0")[4]).isNaN();
        assertThat(eval("!(y > 0)")[4]).isNaN();
        assertThat(eval("if(y > 0, 1, 2)")[4]).isNaN();
        assertThat(eval("min(y, 3)")[4]).isEqualTo(3);          // Stata: min() ignores missing arguments
        assertThat(eval("max(y, y)")[4]).isNaN();
        assertThat(eval("inrange(y, 0, 100)")[4]).isNaN();
    }

    @Test
    void domainProblemsGiveMissingValuesCountedByReason() {
        ExpressionEvaluator.Issues issues = new ExpressionEvaluator.Issues();
        double[] v = ExpressionEvaluator.evaluate(Expression.parse("ln(z) + 1 / z"), panel(), issues);
        assertThat(v[0]).isNaN(); // ln(0) and 1/0
        assertThat(v[1]).isNaN(); // ln(-1)
        assertThat(v[2]).isCloseTo(Math.log(4) + 0.25, within(1e-15));
        Map<String, int[]> by = issues.byReason();
        assertThat(by.get("ln of a non-positive number")).containsExactly(2, 0);
        assertThat(by.get("division by zero")).containsExactly(1, 0);
        ExpressionEvaluator.Issues more = new ExpressionEvaluator.Issues();
        double[] w = ExpressionEvaluator.evaluate(Expression.parse("sqrt(z) + exp(1000 * x) + (z - 1) ^ 0.5 + log10(z)"), panel(), more);
        assertThat(java.util.Arrays.stream(w).allMatch(Double::isNaN)).isTrue();
        assertThat(more.byReason()).containsKeys("sqrt of a negative number", "overflow of exp",
                "power of a negative number to a fractional exponent", "log10 of a non-positive number");
    }

    @Test
    void ifEvaluatesOnlyTheBranchItTakes() {
        ExpressionEvaluator.Issues issues = new ExpressionEvaluator.Issues();
        double[] v = ExpressionEvaluator.evaluate(Expression.parse("if(z > 0, ln(z), 0)"), panel(), issues);
        assertThat(v).containsExactly(0, 0, Math.log(4), Math.log(2), Math.log(2), Math.log(9));
        assertThat(issues.isEmpty()).isTrue();
    }

    @Test
    void timeSeriesOperatorsFollowCalendarTimeWithinEntity() {
        // entity 1: 2000, 2001, 2003 (gap); entity 2: 2000-2002
        assertThat(eval("L.x")).containsExactly(NA, 1, NA, NA, 5, 6);
        assertThat(eval("F.x")).containsExactly(2, NA, NA, 6, 7, NA);
        assertThat(eval("L2.x")).containsExactly(NA, NA, 2, NA, NA, 5);
        assertThat(eval("D.x")).containsExactly(NA, 1, NA, NA, 1, 1);
        assertThat(eval("S2.x")).containsExactly(NA, NA, 2, NA, NA, 2);
        // Stata's D2.x is the second difference x - 2 L.x + L2.x
        Panel p = panel().withColumn("q", new double[] {1, 4, 16, 1, 4, 9});
        double[] d2 = ExpressionEvaluator.evaluate(Expression.parse("D2.q"), p, new ExpressionEvaluator.Issues());
        assertThat(d2).containsExactly(NA, NA, NA, NA, NA, 2);
        assertThat(eval("lag(x)")).containsExactly(eval("L.x"));
        assertThat(eval("lag(x, 2)")).containsExactly(eval("L2.x"));
        assertThat(eval("lead(x, 1)")).containsExactly(eval("F.x"));
        assertThat(eval("diff(x, 2)")).containsExactly(eval("S2.x"));
        assertThat(eval("L.(x * 10 + year)")).containsExactly(NA, 2010, NA, NA, 2050, 2061);
        assertThat(eval("L.D.x")).containsExactly(NA, NA, NA, NA, NA, 1);
        assertThat(eval("x / L.x - 1")[5]).isCloseTo(7.0 / 6 - 1, within(1e-15));
    }

    @Test
    void groupStatistics() {
        // x: east 1, 2, 4; west 5, 6, 7
        assertThat(eval("mean(x) by region")).containsExactly(7.0 / 3, 7.0 / 3, 7.0 / 3, 6, 6, 6);
        for (double v : eval("mean(x)")) assertThat(v).isCloseTo(25.0 / 6, within(1e-15));
        assertThat(eval("x - mean(x) by id")[0]).isCloseTo(1 - 7.0 / 3, within(1e-15));
        assertThat(eval("sum(x) by region")).containsExactly(7, 7, 7, 18, 18, 18);
        assertThat(eval("count(y) by region")).containsExactly(3, 3, 3, 2, 2, 2);
        assertThat(eval("mean(y) by region")[3]).isEqualTo(60);  // missing y left out
        assertThat(eval("sd(x) by region")[3]).isCloseTo(1, within(1e-15));
        assertThat(eval("median(x) by region")).containsExactly(2, 2, 2, 6, 6, 6);
        assertThat(eval("min(x) by year")).containsExactly(1, 2, 4, 1, 2, 7);
        assertThat(eval("max(x) by (region, year)")).containsExactly(1, 2, 4, 5, 6, 7);
        assertThat(eval("rank(x) by region")).containsExactly(1, 2, 3, 1, 2, 3);
        assertThat(eval("rank(-x)")).containsExactly(6, 5, 4, 3, 2, 1);
        assertThat(eval("rank(y)")[4]).isNaN();
        // ties get the average rank (Stata egen rank, R rank)
        Panel p = panel().withColumn("t", new double[] {3, 1, 3, 2, 3, 1});
        assertThat(ExpressionEvaluator.evaluate(Expression.parse("rank(t)"), p, new ExpressionEvaluator.Issues()))
                .containsExactly(5, 1.5, 5, 3, 5, 1.5);
        // Stata's percentile definition: n = 6, p = 50 -> P = 3, (x(3) + x(4)) / 2
        assertThat(eval("pctile(x, 50)")[0]).isEqualTo(4.5);
        assertThat(eval("pctile(x, 10)")[0]).isEqualTo(1);
        assertThat(eval("mean(L.x) by region")[0]).isCloseTo(1, within(1e-15));
    }

    @Test
    void columnsListsEveryReference() {
        assertThat(Expression.parse("ln(gdp / cpi) + mean(x) by region + L.`a b`").columns())
                .containsExactly("gdp", "cpi", "x", "region", "a b");
    }

    // ------------------------------------------------------------------ errors

    static ExpressionException parseError(String expr) {
        try {
            Expression.parse(expr);
        } catch (ExpressionException e) {
            return e;
        }
        throw new AssertionError("no error for " + expr);
    }

    static ExpressionException evalError(String expr) {
        try {
            eval(expr);
        } catch (ExpressionException e) {
            return e;
        }
        throw new AssertionError("no error for " + expr);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '\u0000', value = {
            "ln(gdp; 6; expected ')' or ','",
            "lnn(x); 0; unknown function 'lnn' (did you mean 'ln'?)",
            "x + * y; 4; expected a number, a column or '('",
            "x = 1; 2; '=' is not an operator; compare with ==",
            "1 < x < 3; 6; comparisons do not chain",
            "x y; 2; unexpected name 'y'",
            "   ; 0; the expression is empty",
            "2x + 1; 0; '2x' is neither a number nor a name",
            "`abc + 1; 0; a name opened with ` is not closed",
            "'abc; 0; text opened with ' is not closed",
            "x $ y; 2; unexpected character '$'",
            "mean(x) by; 10; expected a group variable after 'by'",
            "mean(x) by (region year); 19; expected ')' after the group variables",
            "ln(x) by region; 6; 'by' follows a group statistic",
            "min(x, y) by region; 10; 'by' needs min of one variable",
            "if(x, 1); 0; if() takes 3 arguments, got 2",
            "ln(); 0; ln() takes 1 argument, got 0",
            "L0.x; 0; L0 is not an operator",
            "(1 + 2; 6; expected ')'",
            "1 + 2); 5; unexpected ')'",
            "``; 0; empty name",
            "x +; 3; expected a number, a column or '(' , found end of the expression"})
    void syntaxErrorsArePositioned(String expr, int position, String words) {
        ExpressionException e = parseError(expr);
        assertThat(e.position()).as(e.getMessage()).isEqualTo(position);
        assertThat(e.getMessage()).contains(words.replace(" , found", ", found"));
        assertThat(e.getMessage()).doesNotContain("\n");
    }

    @Test
    void theMessageShowsACaretAtThePosition() {
        ExpressionException e = parseError("ln(gdp / cpi");
        assertThat(e.getMessage()).isEqualTo("column 13: expected ')' or ',', found end of the expression: ln(gdp / cpi\u2038");
        ExpressionException u = evalError("ln(x / yy)");
        assertThat(u.getMessage()).isEqualTo("column 8: unknown column 'yy' (did you mean 'y'?): ln(x / \u2038yy)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '\u0000', value = {
            "ln(x / yy); 7; unknown column 'yy' (did you mean 'y'?)",
            "region + 1; 0; only == and != compare text",
            "x + region; 4; only == and != compare text",
            "region == 1; 10; compares text with a number",
            "region < \"east\"; 0; only == and != compare text",
            "\"east\"; 0; the expression gives text",
            "region; 0; the expression gives text",
            "x + \"a\"; 4; only == and != compare text",
            "ln(region); 3; 'region' is text",
            "ln(\"a\"); 3; can only be compared",
            "mean(x) by regoin; 11; unknown group variable 'regoin' (did you mean 'region'?)",
            "lag(x, 1.5); 7; lag() takes the number of periods as a whole number",
            "lag(x, y); 7; whole number",
            "pctile(x, 100); 10; pctile(x, p) takes the percentile p",
            "inlist(region, 1); 15; inlist of text compares with text"})
    void typeAndNameErrorsArePositioned(String expr, int position, String words) {
        ExpressionException e = evalError(expr);
        assertThat(e.position()).as(e.getMessage()).isEqualTo(position);
        assertThat(e.getMessage()).contains(words);
    }

    @Test
    void nestedTimeSeriesOperatorsStayLinear() {
        // D.D.D... would evaluate 2^k rows without the per-operator memo; 40 levels finish at once
        String nested = "D.".repeat(40) + "x";
        assertThat(eval(nested)).hasSize(6);
        assertThat(evalError("D.".repeat(65) + "x").reason()).contains("more than 64 time-series operators");
        assertThat(evalError("D99.x").reason()).contains("at most 64");
        assertThat(evalError("mean(x) + " + "L.x + ".repeat(64) + "1").reason()).contains("more than 64");
    }

    @Test
    void pathologicalInputIsRefusedNotOverflowed() {
        String deep = "(".repeat(300) + "1" + ")".repeat(300);
        assertThat(parseError(deep).reason()).contains("nested more than");
        assertThat(parseError("-".repeat(5000) + "1").reason()).contains("nested more than");
        assertThat(parseError("2^".repeat(3000) + "2").reason()).contains("nested more than");
        assertThat(parseError("x".repeat(20_000)).reason()).contains("longer than");
        assertThat(parseError("1e999").reason()).contains("too large");
        assertThat(parseError("1 + \u0001").reason()).contains("\\u0001");
        // other scripts' digits are not numbers (found by ExpressionFuzzIT: Double.parseDouble refused "\u0661")
        assertThat(parseError("\u0661 + 1").reason()).isEqualTo("unexpected character '\u0661'");
    }
}
