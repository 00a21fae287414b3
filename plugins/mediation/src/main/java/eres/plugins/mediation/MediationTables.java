package eres.plugins.mediation;

import eres.api.panel.Effects;
import eres.api.panel.PanelFit;
import eres.api.panel.VcovType;
import eres.api.table.Formats;
import eres.api.table.RegressionTable;
import eres.api.result.Coefficient;
import eres.api.result.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mediation tables in the study's layout.
 *
 * <ul>
 *   <li>{@code mediation} (Table 7): one column per equation, E1 first, then E2 and E3 for each
 *       mediator (separate mediators) or every E2 and one E3 (parallel mediators); coefficients with
 *       stars and standard errors in parentheses; fixed effects, N and within R^2; underneath, the
 *       Sobel and Aroian z, the indirect effect, its bootstrap SE and intervals, the proportion mediated
 *       and the verdict, in the mediator's E3 column (separate) or E2 column (parallel).</li>
 *   <li>{@code bootstrap} (Table 8): indirect, direct and total effects with bootstrap SE, z, p and the
 *       requested intervals, per mediator.</li>
 *   <li>{@code verdict}: the Wen &amp; Ye classification per mediator, the rule in the notes.</li>
 * </ul>
 */
final class MediationTables {
    private final MediationTest.Parameters p;
    private final Effects effects;
    private final VcovType vcov;
    private final MediationTest.Fits fits;
    private final List<Results.Mediator> mediators;
    private final Map<String, Intervals.Summary> summaries;
    private final MediationTest.Replicates boot;
    private final int reps;
    private final long seed;
    private final String lvl;

    MediationTables(MediationTest.Parameters p, Effects effects, VcovType vcov, MediationTest.Fits fits,
                    List<Results.Mediator> mediators, Map<String, Intervals.Summary> summaries, MediationTest.Replicates boot,
                    int reps, long seed) {
        this.p = p;
        this.effects = effects;
        this.vcov = vcov;
        this.fits = fits;
        this.mediators = mediators;
        this.summaries = summaries;
        this.boot = boot;
        this.reps = reps;
        this.seed = seed;
        this.lvl = MediationTest.levelText(p.level());
    }

    private List<Intervals.Type> shown() {
        return new ArrayList<>(p.reported());
    }

    Table equations() {
        RegressionTable t = new RegressionTable("mediation", "Mediation analysis: " + p.label(p.x()) + " \u2192 "
                + String.join(", ", p.mediators().stream().map(p::label).toList()) + " \u2192 " + p.label(p.y()))
                .stub("Variable").labels(p.labels());
        List<String> order = new ArrayList<>();
        order.add(p.x());
        order.addAll(p.mediators());
        if (p.showControls()) order.addAll(p.controls());
        t.order(order);
        int col = 1;
        t.column("(" + col++ + ") " + p.label(p.y()), shownCoefficients(fits.e1()), footer(fits.e1(), null, false));
        t.span("E1", 0, 0);
        if (!p.parallel()) {
            for (Results.Mediator r : mediators) {
                String m = r.mediator();
                int first = col - 1;
                t.column("(" + col++ + ") " + p.label(m), shownCoefficients(fits.e2().get(m)), footer(fits.e2().get(m), null, false));
                t.column("(" + col++ + ") " + p.label(p.y()), shownCoefficients(fits.e3(m)), footer(fits.e3(m), r, true));
                t.span("E2 / E3: " + p.label(m), first, first + 1);
            }
        } else {
            int first = col - 1;
            for (Results.Mediator r : mediators) {
                String m = r.mediator();
                t.column("(" + col++ + ") " + p.label(m), shownCoefficients(fits.e2().get(m)), footer(fits.e2().get(m), r, true));
            }
            t.span("E2", first, col - 2);
            t.column("(" + col + ") " + p.label(p.y()), shownCoefficients(fits.e3("")), footer(fits.e3(""), null, true));
            t.span("E3 (parallel mediators)", col - 1, col - 1);
        }
        t.note(seNote(vcov, fits.e1()) + ".");
        if (!p.showControls() && !p.controls().isEmpty()) {
            t.note("Controls in every equation: " + String.join(", ", p.controls().stream().map(p::label).toList()) + ".");
        }
        t.note("Sobel and Aroian z: delta-method tests of a\u00d7b with the E2 and E3 standard errors; stars from their normal p-values.");
        if (boot != null) t.note(bootstrapNote());
        t.note("Verdict: Wen & Ye (2014) stepwise procedure at the " + Formats.number(p.alpha(), 2)
                + " level, step 3 decided by the " + (summaries.isEmpty() ? "Sobel test" : lvl + "% " + p.decision().display()
                + " bootstrap interval") + "; see the verdict table for the rule applied.");
        return t.build();
    }

    private List<Coefficient> shownCoefficients(PanelFit fit) {
        List<Coefficient> out = new ArrayList<>();
        for (Coefficient c : fit.coefficients()) {
            if (!p.showControls() && p.controls().contains(c.term())) continue;
            out.add(c);
        }
        return out;
    }

    /** Footer of one column; {@code r} is the mediator whose tests go in this column (or null). */
    private Map<String, String> footer(PanelFit fit, Results.Mediator r, boolean mediationRows) {
        Map<String, String> f = new LinkedHashMap<>();
        if (!p.showControls() && !p.controls().isEmpty()) f.put("Controls", "Yes");
        f.put("Entity FE", effects.hasEntity() ? "Yes" : "No");
        f.put("Time FE", effects.hasTime() ? "Yes" : "No");
        f.put("Observations", Formats.count(fit.nobs()));
        f.put(effects == Effects.NONE ? "R-squared" : "R-squared (within)", Formats.fixed(fit.r2(), 4));
        if (!mediationRows) return f;
        Intervals.Summary s = null;
        if (r != null) {
            f.put("Sobel z", Formats.fixed(r.sobel().z(), 3) + Formats.stars(r.sobel().pValue()));
            f.put("Aroian z", Formats.fixed(r.aroian().z(), 3) + Formats.stars(r.aroian().pValue()));
            f.put("Indirect effect a\u00d7b", Formats.number(r.indirect(), 4));
            s = summaries.get("indirect:" + r.mediator());
        } else if (p.parallel()) {
            s = summaries.get("indirect:total");
            f.put("Indirect effect a\u00d7b", s == null ? "" : Formats.number(s.estimate(), 4) + " (total)");
        }
        if (s != null) {
            f.put("Bootstrap SE", Formats.number(s.stdError(), 4));
            for (Intervals.Type type : shown()) f.put(lvl + "% CI, " + type.display(), interval(s.interval(type)));
            f.put("Bootstrap replications", boot.successful().length + " (" + p.resample() + ")");
        }
        if (r != null) {
            // same keys in every mediation column, so the footer rows keep one order
            Double share = r.verdict().proportionMediated();
            Double ratio = r.verdict().maskingRatio();
            if (mediators.stream().anyMatch(q -> q.verdict().proportionMediated() != null)) {
                f.put("Proportion mediated", share == null ? "" : percent(share));
            }
            if (mediators.stream().anyMatch(q -> q.verdict().maskingRatio() != null)) {
                f.put("|ab/c'|", ratio == null ? "" : Formats.number(ratio, 4));
            }
            f.put("Verdict", verdictText(r.verdict().classification()));
        }
        return f;
    }

    Table bootstrap() {
        List<Intervals.Type> types = shown();
        List<String> cols = new ArrayList<>(List.of("Estimate", "Boot SE", "z", "p-value"));
        for (Intervals.Type t : types) cols.add(lvl + "% CI (" + t.display() + ")");
        Table.Builder t = Table.builder("bootstrap", "Bootstrap tests of the indirect, direct and total effects")
                .stub("Effect").columns(cols);
        if (!p.parallel()) {
            for (Results.Mediator r : mediators) {
                String m = r.mediator();
                t.section("Mediator: " + p.label(m) + " (" + verdictText(r.verdict().classification()).toLowerCase(java.util.Locale.ROOT) + ")");
                row(t, "Indirect effect (a\u00d7b)", summaries.get("indirect:" + m), types);
                row(t, "Direct effect (c')", summaries.get("direct:" + m), types);
                row(t, "Total effect (c)", summaries.get("total"), types);
            }
        } else {
            t.section("Parallel mediators");
            for (Results.Mediator r : mediators) {
                row(t, "Indirect via " + p.label(r.mediator()) + " (a\u00d7b)", summaries.get("indirect:" + r.mediator()), types);
            }
            row(t, "Total indirect effect", summaries.get("indirect:total"), types);
            row(t, "Direct effect (c')", summaries.get("direct"), types);
            row(t, "Total effect (c)", summaries.get("total"), types);
        }
        List<String> foot = new ArrayList<>();
        foot.add(boot.successful().length + " of " + reps);
        for (int i = 1; i < cols.size(); i++) foot.add("");
        t.footer("Replications", foot);
        t.note(bootstrapNote());
        t.note("z and p: normal approximation with the bootstrap standard error; intervals as Stata's estat bootstrap, all"
                + " (percentile by the _pctile rule; bias-corrected with z0 = Phi^-1(#{theta* <= theta}/B)).");
        return t.build();
    }

    private void row(Table.Builder t, String label, Intervals.Summary s, List<Intervals.Type> types) {
        List<String> cells = new ArrayList<>();
        cells.add(Formats.number(s.estimate(), 4));
        cells.add(Formats.number(s.stdError(), 4));
        cells.add(Formats.fixed(s.z(), 3));
        cells.add(Formats.pValue(s.pValue()));
        for (Intervals.Type type : types) cells.add(interval(s.interval(type)));
        t.row(label, cells);
    }

    Table verdicts() {
        Table.Builder t = Table.builder("verdict", "Mediation verdict (Wen & Ye 2014)").stub("Mediator")
                .columns("c", "a", "b", "a\u00d7b", "c'", "Test of a\u00d7b", "Verdict", "Share / |ab/c'|");
        for (Results.Mediator r : mediators) {
            Intervals.Summary s = summaries.get("indirect:" + r.mediator());
            String test = s == null ? "Sobel p = " + Formats.pValue(r.sobel().pValue())
                    : p.decision().display() + " " + interval(s.interval(p.decision()));
            String share = r.verdict().proportionMediated() != null ? percent(r.verdict().proportionMediated())
                    : r.verdict().maskingRatio() != null ? Formats.number(r.verdict().maskingRatio(), 4) : "";
            t.row(p.label(r.mediator()), est(r.total()), est(r.a()), est(r.b()), Formats.number(r.indirect(), 4), est(r.direct()),
                    test, verdictText(r.verdict().classification()), share);
        }
        for (Results.Mediator r : mediators) t.note(p.label(r.mediator()) + ": " + String.join(" ", r.verdict().steps()));
        t.note("Stars: *** p<0.01, ** p<0.05, * p<0.1 from the equations' t tests (" + seNote(vcov, fits.e1()) + ").");
        return t.build();
    }

    private static String est(Coefficient c) {
        return Formats.estimate(c.estimate(), c.pValue(), 4);
    }

    private String bootstrapNote() {
        String unit = p.resample() == MediationTest.Resample.CLUSTER
                ? "whole entities resampled with replacement, each drawn copy a new entity (Stata cluster() idcluster())"
                : "observations resampled with replacement, original entity ids kept";
        return "Bootstrap: " + reps + " replications (" + boot.successful().length + " successful), " + unit + ", seed " + seed
                + ", xoshiro256++ per replication.";
    }

    static String seNote(VcovType vcov, PanelFit fit) {
        var c = fit.covariance();
        return switch (c.type()) {
            case CONVENTIONAL -> "Conventional standard errors in parentheses";
            case HC1 -> "Heteroskedasticity-robust (HC1) standard errors in parentheses";
            case CR1 -> c.clusterVariables().size() == 1
                    ? "Standard errors clustered by " + fit.clusterVariable() + " (" + fit.clusters() + " clusters) in parentheses"
                    : c.describe().replaceAll("\\.$", "") + " in parentheses";
            default -> c.describe().replaceAll("\\.$", "") + " in parentheses";
        };
    }

    static String interval(Intervals.Interval ci) {
        if (ci == null) return "";
        if (!Double.isFinite(ci.low()) || !Double.isFinite(ci.high())) return "undefined";
        return "[" + Formats.number(ci.low(), 4) + ", " + Formats.number(ci.high(), 4) + "]";
    }

    static String verdictText(WenYe.Classification c) {
        return switch (c) {
            case NO_INDIRECT -> "No mediation";
            case COMPLETE_MEDIATION -> "Complete mediation";
            case PARTIAL_MEDIATION -> "Partial mediation";
            case MASKING -> "Masking effect";
        };
    }

    private static String percent(double share) {
        return Formats.fixed(100 * share, 1) + "%";
    }
}
