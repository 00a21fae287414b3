package eres.api.panel;

import eres.api.SpecException;
import java.util.Locale;

/**
 * Covariance estimator (Stata conventions, see docs/methods/panel-fe.md):
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
