package eres.api.inference;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import eres.api.SpecException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Covariance estimators of the coefficients, by the names users know (Stata {@code vce()}, R
 * {@code sandwich}/{@code clubSandwich}, fixest). Formulas in {@code docs/methods/inference.md}:
 *
 * <ul>
 *   <li>{@code conventional}: {@code s^2 (X'X)^-1};</li>
 *   <li>{@code hc0}..{@code hc3}: White's sandwich with residuals {@code e_i}, {@code e_i} times a
 *       degrees-of-freedom factor (HC1), {@code e_i / sqrt(1 - h_ii)} (HC2), {@code e_i / (1 - h_ii)}
 *       (HC3), {@code h_ii} the leverage of the full (dummy-variable) design;</li>
 *   <li>{@code cr0}..{@code cr3}: the cluster sandwich {@code sum_g X_g' u_g u_g' X_g} with
 *       {@code u_g = e_g} (CR0, CR1 = CR0 times Stata's factor), {@code (I - H_gg)^-1/2 e_g} (CR2,
 *       Bell &amp; McCaffrey 2002) or {@code (I - H_gg)^-1 e_g} (CR3); two cluster variables give the
 *       two-way (Cameron, Gelbach &amp; Miller 2011) estimator for CR0/CR1;</li>
 *   <li>{@code driscoll-kraay}: Newey–West over periods of the cross-sectional score sums (Driscoll &amp;
 *       Kraay 1998; Stata {@code xtscc}, R {@code plm::vcovSCC}).</li>
 * </ul>
 *
 * Aliases: {@code robust}/{@code hc}/{@code white} = HC1 (Stata's {@code vce(robust)} after
 * {@code regress}/{@code areg}); {@code cluster}/{@code cl}/{@code clustered} = CR1 (Stata's
 * {@code vce(cluster)}); {@code iid}/{@code ols}/{@code unadjusted}/{@code standard} = conventional;
 * {@code dk}/{@code scc} = Driscoll–Kraay.
 */
public enum CovarianceType {
    CONVENTIONAL("conventional", false),
    HC0("hc0", false),
    HC1("hc1", false),
    HC2("hc2", false),
    HC3("hc3", false),
    CR0("cr0", true),
    CR1("cr1", true),
    CR2("cr2", true),
    CR3("cr3", true),
    DRISCOLL_KRAAY("driscoll-kraay", false);

    private static final Map<String, CovarianceType> ALIASES = new LinkedHashMap<>();

    static {
        for (CovarianceType t : values()) ALIASES.put(t.label, t);
        for (String a : new String[] {"iid", "ols", "unadjusted", "standard", "homoskedastic", "spherical"}) ALIASES.put(a, CONVENTIONAL);
        for (String a : new String[] {"robust", "hc", "white", "heteroskedastic"}) ALIASES.put(a, HC1);
        for (String a : new String[] {"cluster", "cl", "clustered", "cluster-robust", "crve"}) ALIASES.put(a, CR1);
        for (String a : new String[] {"dk", "scc", "driscoll", "driscollkraay"}) ALIASES.put(a, DRISCOLL_KRAAY);
        ALIASES.put("bell-mccaffrey", CR2);
        ALIASES.put("jackknife", CR3);
    }

    private final String label;
    private final boolean clustered;

    CovarianceType(String label, boolean clustered) {
        this.label = label;
        this.clustered = clustered;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** True for the cluster sandwiches CR0..CR3. */
    public boolean clustered() {
        return clustered;
    }

    /** True for HC2/HC3/CR2/CR3, which need the leverages of the full design. */
    public boolean usesLeverage() {
        return this == HC2 || this == HC3 || this == CR2 || this == CR3;
    }

    /** The accepted spellings, canonical names first. */
    public static String accepted() {
        return String.join(", ", ALIASES.keySet());
    }

    /** Parses a user spelling (case-insensitive, {@code _} = {@code -}). */
    @JsonCreator
    public static CovarianceType of(String s) {
        return parse("se", s);
    }

    public static CovarianceType parse(String path, String s) {
        if (s == null) throw new SpecException(path, "is required: one of " + accepted());
        CovarianceType t = ALIASES.get(s.trim().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (t == null) {
            throw new SpecException(path, "'" + s + "' is not a covariance type; use one of " + accepted()
                    + eres.api.Suggestions.hint(s, ALIASES.keySet()));
        }
        return t;
    }

    @Override
    public String toString() {
        return label;
    }
}
