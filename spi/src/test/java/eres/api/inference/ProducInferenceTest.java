package eres.api.inference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.api.data.Panel;
import eres.api.panel.Effects;
import eres.api.panel.PanelFit;
import eres.api.panel.PanelRegression;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every covariance type of the inference layer against R on plm's Produc panel (fixtures from
 * {@code fixtures/inference/make.R}: lm with dummies + sandwich / clubSandwich / plm, Stata factors
 * applied explicitly). Balanced two-way, entity-only and unbalanced two-way effects; clusters by state
 * (entities), region (entities nested), year (time effects nested) and state x year (two-way).
 * Tolerance 1e-8 relative: the fixtures are full double precision and both sides solve well-conditioned
 * least-squares problems (the R cross-checks inside make.R agree to 1e-10).
 */
class ProducInferenceTest {
    static final List<String> X = List.of("lpcap", "lpc", "lemp", "unemp");
    static final double TOL = 1e-8;
    static final JsonNode EXPECTED = json();
    static final Panel PRODUC = produc();

    @ParameterizedTest
    @ValueSource(strings = {"twoways", "entity", "unbalanced"})
    void everyTypeMatchesR(String name) {
        JsonNode c = EXPECTED.get(name);
        Panel p = name.equals("unbalanced") ? drop(PRODUC, c.get("dropped_rows")) : PRODUC;
        Effects effects = name.equals("entity") ? Effects.ENTITY : Effects.TWOWAYS;
        JsonNode se = c.get("se");
        check(p, effects, CovarianceType.CONVENTIONAL, List.of(), DofConvention.STATA, se.get("conventional"));
        for (String t : new String[] {"hc0", "hc1", "hc2", "hc3"}) {
            check(p, effects, CovarianceType.of(t), List.of(), DofConvention.STATA, se.get(t));
        }
        check(p, effects, CovarianceType.HC1, List.of(), DofConvention.R, se.get("hc1_r"));
        for (String cl : new String[] {"state", "region", "year"}) {
            JsonNode r = c.get(cl);
            if (r == null) continue;
            List<String> by = cl.equals("state") ? List.of() : List.of(cl);
            check(p, effects, CovarianceType.CR0, by, DofConvention.STATA, r.get("cr0"));
            check(p, effects, CovarianceType.CR1, by, DofConvention.STATA, r.get("cr1"));
            check(p, effects, CovarianceType.CR1, by, DofConvention.R, r.get("cr1_rformula"));
            check(p, effects, CovarianceType.CR2, by, DofConvention.STATA, r.get("cr2"));
            check(p, effects, CovarianceType.CR3, by, DofConvention.STATA, r.get("cr3"));
        }
        // clubSandwich on the within fit: CR2 equals ours; plm's "sss" equals the R convention
        check(p, effects, CovarianceType.CR2, List.of(), DofConvention.STATA, c.get("state").get("cr2_plm"));
        check(p, effects, CovarianceType.CR1, List.of(), DofConvention.R, c.get("state").get("cr1_r"));
        if (effects == Effects.TWOWAYS) {
            check(p, effects, CovarianceType.CR1, List.of("state", "year"), DofConvention.STATA, c.get("twoway_cr1"));
            check(p, effects, CovarianceType.CR0, List.of("state", "year"), DofConvention.STATA, c.get("twoway_cr0"));
            check(p, effects, CovarianceType.CR0, List.of("state", "year"), DofConvention.R, c.get("twoway_dc_r"));
            checkDk(p, DofConvention.R, c.get("dk_r"));
            checkDk(p, DofConvention.STATA, c.get("dk_stata"));
        }
    }

    private static void checkDk(Panel p, DofConvention dof, JsonNode expected) {
        PanelFit f = PanelRegression.fit(p, new PanelRegression.Spec("lgsp", X, Effects.TWOWAYS,
                new CovarianceSpec(CovarianceType.DRISCOLL_KRAAY, List.of(), 2, dof), 0.95));
        compare(f, expected, "driscoll-kraay " + dof);
    }

    private static void check(Panel p, Effects effects, CovarianceType type, List<String> cluster, DofConvention dof,
                              JsonNode expected) {
        PanelFit f = PanelRegression.fit(p, new PanelRegression.Spec("lgsp", X, effects, new CovarianceSpec(type, cluster, null, dof), 0.95));
        compare(f, expected, type + " " + cluster + " " + dof + " " + effects);
    }

    private static void compare(PanelFit f, JsonNode expected, String what) {
        assertThat(expected).as(what).isNotNull();
        for (int j = 0; j < X.size(); j++) {
            double e = expected.get(j).asDouble();
            assertThat(f.coefficients().get(j).stdError()).as(what + " " + X.get(j)).isCloseTo(e, org.assertj.core.data.Offset.offset(TOL * e));
        }
    }

    static Panel drop(Panel p, JsonNode rows) {
        boolean[] d = new boolean[p.rows()];
        for (JsonNode r : rows) d[r.asInt()] = true;
        return p.filter(i -> !d[i]);
    }

    static JsonNode json() {
        try (InputStream in = ProducInferenceTest.class.getResourceAsStream("/fixtures/inference/expected.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** produc.csv: state, year, region, then numeric columns (written by make.R). */
    static Panel produc() {
        try (InputStream in = ProducInferenceTest.class.getResourceAsStream("/fixtures/inference/produc.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] head = r.readLine().split(",");
            List<String[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) rows.add(line.split(","));
            int n = rows.size();
            String[] ent = new String[n];
            int[] time = new int[n];
            String[] region = new String[n];
            Map<String, double[]> num = new LinkedHashMap<>();
            for (int j = 3; j < head.length; j++) num.put(head[j], new double[n]);
            for (int i = 0; i < n; i++) {
                String[] s = rows.get(i);
                ent[i] = s[0];
                time[i] = Integer.parseInt(s[1]);
                region[i] = s[2];
                for (int j = 3; j < head.length; j++) num.get(head[j])[i] = Double.parseDouble(s[j]);
            }
            return Panel.of("state", "year", "region", ent, time, num, Map.of("region", region));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
