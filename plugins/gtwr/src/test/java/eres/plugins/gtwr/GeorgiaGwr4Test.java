package eres.plugins.gtwr;

import static org.assertj.core.api.Assertions.assertThat;

import eres.core.testing.TestContext;
import eres.api.data.Panel;
import eres.api.result.StepResult;
import eres.api.result.TestStatistic;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known answers: GWR4 4.0.90 on the Georgia education data (fixtures/georgia-gwr4, from PySAL's
 * libpysal examples). At GWR4's bandwidths our GWR reproduces its global diagnostics and every
 * county's estimates, standard errors, t-values, fitted values, residuals, standardised residuals,
 * local R^2, influence and Cook's distance to the printed precision.
 */
class GeorgiaGwr4Test {

    /** GWR4 prints six decimals: allow rounding of the last digit plus double noise. */
    static void close(double actual, double expected, String what) {
        double tol = Math.max(2e-6, 1e-8 * Math.abs(expected));
        assertThat(actual).as(what).isCloseTo(expected, org.assertj.core.data.Offset.offset(tol));
    }

    static StepResult fit(String kernel, boolean adaptive, String bandwidth) {
        Panel panel = Fixtures.georgia();
        GwrEstimator.Parameters p = Fixtures.bind(GwrEstimator.Parameters.class, "{\"y\": \"PctBach\", "
                + "\"x\": [\"PctRural\", \"PctPov\", \"PctBlack\"], \"x-coord\": \"X\", \"y-coord\": \"Y\", \"kernel\": \"" + kernel
                + "\", \"adaptive\": " + adaptive + ", \"bandwidth\": " + bandwidth + ", \"permutations\": 0, \"maps\": false}");
        return new GwrEstimator().run(p, new TestContext(panel));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "BS_NN, bisquare, true, 90",
        "BS_F, bisquare, false, 209267.688808",
        "GS_F, gaussian, false, 87308.298470",
        "GS_NN, gaussian, true, 49"})
    void reproducesGwr4(String model, String kernel, boolean adaptive, String bandwidth) {
        StepResult r = fit(kernel, adaptive, bandwidth);
        close(r.statistic("ssr"), Fixtures.summary(model, "Residual sum of squares:"), "RSS");
        close(r.statistic("traceS"), Fixtures.summary(model, "Effective number of parameters (model: trace(S)):"), "tr S");
        close(r.statistic("traceSS"), Fixtures.summary(model, "Effective number of parameters (variance: trace(S'S)):"), "tr S'S");
        close(r.statistic("edf"), Fixtures.summary(model, "Degree of freedom (residual: n - 2trace(S) + trace(S'S)):"), "edf");
        close(r.statistic("sigmaMl"), Fixtures.summary(model, "ML based sigma estimate:"), "ML sigma");
        close(r.statistic("sigma"), Fixtures.summary(model, "Unbiased sigma estimate:"), "sigma");
        close(-2 * r.statistic("logLik"), Fixtures.summary(model, "-2 log-likelihood:"), "-2LL");
        close(r.statistic("aic"), Fixtures.summary(model, "Classic AIC:"), "AIC");
        close(r.statistic("aicc"), Fixtures.summary(model, "AICc:"), "AICc");
        close(r.statistic("bic"), Fixtures.summary(model, "BIC/MDL:"), "BIC");
        close(r.statistic("cvMean"), Fixtures.summary(model, "CV:"), "CV/n");
        close(r.statistic("r2"), Fixtures.summary(model, "R square:"), "R2");
        close(r.statistic("r2Adjusted"), Fixtures.summary(model, "Adjusted R square:"), "adjusted R2");
        // global OLS
        close(r.statistic("olsSsr"), Fixtures.globalSummary(model, "Residual sum of squares:"), "OLS RSS");
        close(r.statistic("olsAicc"), Fixtures.globalSummary(model, "AICc:"), "OLS AICc");

        Map<String, double[]> gwr4 = Fixtures.listwise(model);
        String[] terms = {"intercept", "PctRural", "PctPov", "PctBlack"};
        String[] gwr4Terms = {"Intercept", "PctRural", "PctPov", "PctBlack"};
        double[] area = gwr4.get("Area_key");
        assertThat(area).hasSize(159);
        assertThat(lineCount(r)).isEqualTo(160);
        Panel panel = Fixtures.georgia();
        for (int k = 0; k < terms.length; k++) {
            double[] est = r.column("gwr." + terms[k]);
            double[] se = r.column("gwr." + terms[k] + ".se");
            double[] t = r.column("gwr." + terms[k] + ".t");
            for (int i = 0; i < area.length; i++) {
                int row = panel.rowOf(Long.toString((long) area[i]), 1990);
                close(est[row], gwr4.get("est_" + gwr4Terms[k])[i], "est " + terms[k] + " " + (long) area[i]);
                close(se[row], gwr4.get("se_" + gwr4Terms[k])[i], "se " + terms[k] + " " + (long) area[i]);
                close(t[row], gwr4.get("t_" + gwr4Terms[k])[i], "t " + terms[k] + " " + (long) area[i]);
            }
        }
        double[] yhat = r.column("gwr.yhat");
        double[] res = r.column("gwr.residual");
        double[] r2 = r.column("gwr.r2");
        String csv = r.files().get(0).content();
        String[] lines = csv.split("\n");
        for (int i = 0; i < area.length; i++) {
            int row = panel.rowOf(Long.toString((long) area[i]), 1990);
            close(yhat[row], gwr4.get("yhat")[i], "yhat");
            close(res[row], gwr4.get("residual")[i], "residual");
            close(r2[row], gwr4.get("localR2")[i], "local R2 " + (long) area[i]);
            // std residual, influence and Cook's D from the side file (row order = panel order)
            String[] f = lines[row + 1].split(",");
            close(Double.parseDouble(f[7]), gwr4.get("std_residual")[i], "std residual");
            close(Double.parseDouble(f[9]), gwr4.get("influence")[i], "influence");
            close(Double.parseDouble(f[10]), gwr4.get("CooksD")[i], "Cook's D");
        }
    }

    static int lineCount(StepResult r) {
        return r.files().get(0).content().split("\n").length;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"BS_NN, bisquare, true, 90", "GS_F, gaussian, false, 87308.298470"})
    void anovaMatchesGwr4(String model, String kernel, boolean adaptive, String bandwidth) {
        StepResult r = fit(kernel, adaptive, bandwidth);
        TestStatistic f = r.test("gwr-anova-f");
        String text = Fixtures.resource("georgia-gwr4/georgia_" + model + "_summary.txt");
        int at = text.indexOf("GWR Residuals");
        String[] fields = text.substring(at).split("\\R")[0].trim().split("\\s+");
        double gwr4F = Double.parseDouble(fields[fields.length - 1]);
        double gwr4Df2 = Double.parseDouble(fields[3]);
        close(f.statistic(), gwr4F, "ANOVA F");
        assertThat(f.df2()).isCloseTo(gwr4Df2, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(f.pValue()).isBetween(0.0, 1.0);
    }
}
