package eres.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's consistency test, through the distribution: for every covariance choice (conventional,
 * HC0-HC3, CR0-CR3, two-way clustering, Driscoll–Kraay; Stata and R degrees of freedom) the standard
 * errors of x1 and x2 in the two-way FE regression y on x1, x2 are identical in
 *
 * <ul>
 *   <li>{@code panel-fe};</li>
 *   <li>{@code iv-2sls} with the instrument a copy of x1 (Z = X), {@code small: true} and {@code dof: xtreg}
 *       (xtivreg2's own convention, {@code dof: stata}, does not count the absorbed constant in the cluster K);</li>
 *   <li>{@code threshold} with {@code model: 0} (the linear model) and {@code effects: twoways};</li>
 *   <li>{@code mediation}'s E1 (total effect) equation.</li>
 * </ul>
 *
 * It also checks the cluster resolver's promises: rows with no cluster label are left out (the same rows
 * in every estimator) and {@code cluster: year} works everywhere. Tolerance 1e-9 relative: the same
 * numbers computed on differently assembled designs (projection vs dummies).
 */
class InferenceConsistencyIT {
    record Choice(String se, String cluster, String dof) {
    }

    static final List<Choice> CHOICES = List.of(
            new Choice("conventional", null, "stata"), new Choice("hc0", null, "stata"), new Choice("hc1", null, "stata"),
            new Choice("hc2", null, "stata"), new Choice("hc3", null, "stata"), new Choice("cr0", null, "stata"),
            new Choice("cr1", null, "stata"), new Choice("cr2", null, "stata"), new Choice("cr3", null, "stata"),
            new Choice("cr1", "[region]", "stata"), new Choice("cr2", "[region]", "stata"), new Choice("cr1", "[year]", "stata"),
            new Choice("cr1", "[id, year]", "stata"), new Choice("driscoll-kraay", null, "stata"),
            new Choice("hc1", null, "r"), new Choice("cr1", null, "r"), new Choice("cr1", "[region]", "r"),
            new Choice("driscoll-kraay", null, "r"), new Choice("conventional", null, "r"));

    @Test
    void everyEstimatorGivesTheSameStandardErrors(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("panel.csv"), data(), StandardCharsets.UTF_8);
        StringBuilder chain = new StringBuilder("name: consistency\ndata: {source: panel.csv, entity: id, time: year, group: region}\nsteps:\n");
        for (int c = 0; c < CHOICES.size(); c++) {
            Choice ch = CHOICES.get(c);
            String se = "se: " + ch.se() + (ch.cluster() == null ? "" : ", cluster: " + ch.cluster());
            chain.append("  - {id: fe").append(c).append(", use: panel-fe, with: {y: y, x: [x1, x2], effects: twoways, ").append(se)
                    .append(", dof: ").append(ch.dof()).append("}}\n");
            chain.append("  - {id: iv").append(c).append(", use: iv-2sls, with: {y: y, endogenous: [x1], instruments: [x1z], controls: [x2],")
                    .append(" effects: twoways, small: true, ").append(se).append(", dof: ").append(ch.dof().equals("stata") ? "xtreg" : "r")
                    .append("}}\n");
            chain.append("  - {id: th").append(c).append(", use: threshold, with: {y: y, regime: [x1], threshold: q, controls: [x2],")
                    .append(" effects: twoways, bootstrap: 0, model: 0, trim: 0.1, ").append(se).append(", dof: ").append(ch.dof())
                    .append("}}\n");
            chain.append("  - {id: me").append(c).append(", use: mediation, with: {x: x1, mediators: [m], y: y, controls: [x2],")
                    .append(" effects: twoways, bootstrap: 0, ").append(se).append(", dof: ").append(ch.dof()).append("}}\n");
        }
        chain.append("report: {formats: [markdown]}\n");
        Files.writeString(work.resolve("chain.yaml"), chain.toString(), StandardCharsets.UTF_8);
        DistributionIT.Result r = DistributionIT.eres(work, Map.of(), "run", "chain.yaml", "--out", "out");
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        JsonNode res = new ObjectMapper().readTree(work.resolve("out/results.json").toFile());
        // the versioned schema of results.json holds for all four estimators and every covariance choice
        ResultsSchemaCheck.assertValid(work.resolve("out/results.json"));
        for (int c = 0; c < CHOICES.size(); c++) {
            JsonNode fe = step(res, "fe" + c);
            for (String other : List.of("iv", "th", "me")) {
                JsonNode o = step(res, other + c);
                for (String term : List.of("x1", "x2")) {
                    double want = se(fe, term);
                    double got = se(o, term);
                    assertThat(got).as(other + " " + CHOICES.get(c) + " " + term).isCloseTo(want, org.assertj.core.data.Offset.offset(1e-9 * want));
                }
                assertThat(o.get("statistics").get("nobs").asInt()).as(other + c + " nobs").isEqualTo(fe.get("statistics").get("nobs").asInt());
            }
        }
        // one row has no region label: left out of the region-clustered fits only, in every estimator
        assertThat(step(res, "fe9").get("statistics").get("nobs").asInt()).isEqualTo(step(res, "fe0").get("statistics").get("nobs").asInt() - 1);
    }

    private static JsonNode step(JsonNode res, String id) {
        for (JsonNode s : res.get("steps")) if (s.get("id").asText().equals(id)) return s.get("result");
        throw new AssertionError("no step " + id);
    }

    private static double se(JsonNode result, String term) {
        // mediation: the E1 equation (y on x1, x2) of its equations section
        JsonNode coefs = result.has("equations") ? result.get("equations").get(0).get("coefficients") : result.get("coefficients");
        for (JsonNode c : coefs) {
            String t = c.get("term").asText();
            if (t.equals(term)) return c.get("stdError").asDouble();
        }
        throw new AssertionError("no term " + term + " in " + coefs);
    }

    /** 14 entities (4 regions of 3-4) x 9 years, heteroskedastic and cluster-correlated errors; one missing region label. */
    static String data() {
        Random rng = new Random(20250101);
        StringBuilder sb = new StringBuilder("id,year,region,y,x1,x1z,x2,q,m\n");
        for (int i = 0; i < 14; i++) {
            String region = "r" + (i % 4);
            double a = rng.nextGaussian();
            double[] lambda = new double[9];
            for (int t = 0; t < 9; t++) lambda[t] = 0.3 * rng.nextGaussian();
            for (int t = 0; t < 9; t++) {
                double x1 = a + rng.nextGaussian() + 0.2 * t;
                double x2 = rng.nextGaussian() + 0.5 * x1;
                double q = rng.nextGaussian();
                double m = 0.4 * x1 + rng.nextGaussian();
                double e = (1 + Math.abs(x1)) * rng.nextGaussian() * 0.5 + 0.4 * (i % 4 - 1.5) * rng.nextGaussian();
                double y = 1 + 0.8 * x1 - 0.5 * x2 + 0.3 * m + a + lambda[t] + e;
                String reg = i == 3 && t == 4 ? "" : region;
                sb.append("e").append(i).append(',').append(2000 + t).append(',').append(reg).append(',')
                        .append(y).append(',').append(x1).append(',').append(x1).append(',').append(x2).append(',').append(q).append(',')
                        .append(m).append('\n');
            }
        }
        return sb.toString();
    }
}
