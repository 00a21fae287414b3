package eres.api.panel;

import eres.api.SpecException;
import java.util.Locale;

/**
 * The earlier three-way covariance choice, kept for callers that use it; the inference layer
 * ({@link eres.api.inference.CovarianceType}) has every type. Stata conventions (docs/methods/panel-fe.md):
 * conventional ({@code xtreg, fe}), HC1 ({@code areg, vce(robust)}) and cluster-robust
 * ({@code xtreg, fe vce(cluster id)}, with the small-sample factor {@code G/(G-1) (n-1)/(n-K)}).
 */
public enum VcovType {
    CONVENTIONAL("conventional"), ROBUST("robust"), CLUSTER("cluster");

    private final String label;

    VcovType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The covariance type of the inference layer (HC1 for robust, CR1 for cluster). */
    public eres.api.inference.CovarianceType type() {
        return switch (this) {
            case CONVENTIONAL -> eres.api.inference.CovarianceType.CONVENTIONAL;
            case ROBUST -> eres.api.inference.CovarianceType.HC1;
            case CLUSTER -> eres.api.inference.CovarianceType.CR1;
        };
    }

    /** The three-way family of a covariance type (HCx: robust, CRx: cluster, Driscoll-Kraay: robust). */
    public static VcovType of(eres.api.inference.CovarianceType t) {
        if (t == eres.api.inference.CovarianceType.CONVENTIONAL) return CONVENTIONAL;
        return t.clustered() ? CLUSTER : ROBUST;
    }

    /** Accepts conventional/iid/unadjusted/ols, robust/hc1/hc, cluster/cl/clustered. */
    public static VcovType parse(String path, String s) {
        if (s == null) throw new SpecException(path, "is required: one of conventional, robust, cluster");
        switch (s.toLowerCase(Locale.ROOT)) {
            case "conventional": case "iid": case "unadjusted": case "ols": case "standard":
                return CONVENTIONAL;
            case "robust": case "hc1": case "hc": case "white":
                return ROBUST;
            case "cluster": case "cl": case "clustered": case "cluster-robust":
                return CLUSTER;
            default:
                throw new SpecException(path, "'" + s + "' is not one of conventional, robust, cluster");
        }
    }
}
