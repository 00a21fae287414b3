package eres.api.inference;

import eres.api.SpecException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A validated covariance request: the estimator, the cluster variables (none = the entity for the
 * cluster types), the Driscoll–Kraay lag ({@code null} = the convention's default) and the
 * degrees-of-freedom convention. Built once when a step's parameters are bound, so a bad combination is
 * reported before any data are read:
 *
 * <ul>
 *   <li>a {@code cluster:} with a non-cluster type is refused ({@code se: robust, cluster: region}
 *       would otherwise silently ignore the cluster); use {@code se: cluster} (CR1) or cr0/cr2/cr3;</li>
 *   <li>two cluster variables give the two-way (Cameron–Gelbach–Miller) estimator, for CR0/CR1 only;</li>
 *   <li>{@code dk-lag} only with {@code se: driscoll-kraay}.</li>
 * </ul>
 *
 * @param cluster column names (0, 1 or 2); empty = the entity id for the cluster types
 * @param lag     Driscoll–Kraay maximum lag, or {@code null} for the default of {@link DofConvention}
 */
public record CovarianceSpec(CovarianceType type, List<String> cluster, Integer lag, DofConvention dof) {
    public CovarianceSpec {
        cluster = cluster == null ? List.of() : List.copyOf(cluster);
        dof = dof == null ? DofConvention.STATA : dof;
        List<SpecException.Problem> problems = new ArrayList<>();
        if (type == null) problems.add(new SpecException.Problem("se", "is required: one of " + CovarianceType.accepted()));
        else {
            if (!type.clustered() && !cluster.isEmpty()) {
                problems.add(new SpecException.Problem("cluster", "is given (" + String.join(", ", cluster) + ") but se: "
                        + type.label() + " does not cluster; use se: cluster (CR1, Stata's vce(cluster)) or cr0/cr2/cr3 to"
                        + " cluster by " + String.join(" and ", cluster) + ", or remove 'cluster'"));
            }
            if (cluster.size() > 2) {
                problems.add(new SpecException.Problem("cluster", "takes one variable or two (two-way clustering), got " + cluster.size()));
            }
            if (cluster.size() == 2 && (type == CovarianceType.CR2 || type == CovarianceType.CR3)) {
                problems.add(new SpecException.Problem("cluster", "two-way clustering is available for cr0 and cr1 (cluster) only,"
                        + " not " + type.label()));
            }
            if (new LinkedHashSet<>(cluster).size() != cluster.size()) {
                problems.add(new SpecException.Problem("cluster", "names a variable twice: " + cluster));
            }
            if (lag != null && type != CovarianceType.DRISCOLL_KRAAY) {
                problems.add(new SpecException.Problem("dk-lag", "applies to se: driscoll-kraay only"));
            }
        }
        if (lag != null && (lag < 0 || lag > 1000)) problems.add(new SpecException.Problem("dk-lag", "must be 0..1000, got " + lag));
        if (!problems.isEmpty()) throw new SpecException(problems);
    }

    /** From the flat chain keys {@code se}, {@code cluster}, {@code dk-lag}, {@code dof}. */
    public static CovarianceSpec of(CovarianceType type, List<String> cluster, Integer lag, DofConvention dof) {
        return new CovarianceSpec(type, cluster, lag, dof);
    }

    public boolean twoWay() {
        return cluster.size() == 2;
    }

    /** A short description for table notes, e.g. {@code CR1 clustered by region (4 clusters)}. */
    public String label() {
        return type.label();
    }
}
