package eres.api.panel;

import eres.api.Choice;
import eres.api.Choices;

/**
 * Covariance estimator (Stata conventions, see docs/methods/panel-fe.md):
 * conventional ({@code xtreg, fe}), HC1 ({@code areg, vce(robust)}) and cluster-robust
 * ({@code xtreg, fe vce(cluster id)}, with the small-sample factor {@code G/(G-1) (n-1)/(n-K)}).
 */
public enum VcovType {
    @Choice(value = "conventional", aliases = {"iid", "unadjusted", "ols", "standard"}) CONVENTIONAL("conventional"),
    @Choice(value = "robust", aliases = {"hc1", "hc", "white"}) ROBUST("robust"),
    @Choice(value = "cluster", aliases = {"cl", "clustered", "cluster-robust"}) CLUSTER("cluster");

    private final String label;

    VcovType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts conventional/iid/unadjusted/ols, robust/hc1/hc, cluster/cl/clustered (see {@link Choices}). */
    public static VcovType parse(String path, String s) {
        return Choices.parse(path, VcovType.class, s);
    }
}
