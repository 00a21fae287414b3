package eres.api.inference;

import java.util.List;

/**
 * Resolved cluster memberships of the estimation sample ({@link ClusterResolver}).
 *
 * @param variables the cluster variables (the entity id's name for the default)
 * @param codes     per variable, the cluster of each observation in {@code [0, counts[v])}
 * @param counts    number of clusters per variable
 * @param nestedAbsorbed absorbed fixed-effect parameters nested within the (first) clustering, not counted
 *                  in Stata's small-sample K ({@code G - 1} when the entities are nested in the clusters,
 *                  {@code T - 1} for time effects nested in time clusters)
 */
public record Clusters(List<String> variables, int[][] codes, int[] counts, int nestedAbsorbed) {
    public Clusters {
        variables = List.copyOf(variables);
    }

    public int dimensions() {
        return codes.length;
    }

    /** Clusters of the first (or only) variable. */
    public int count() {
        return counts[0];
    }

    /** The smallest number of clusters over the variables (df of two-way t tests, as reghdfe/ivreg2). */
    public int minCount() {
        int m = Integer.MAX_VALUE;
        for (int c : counts) m = Math.min(m, c);
        return m;
    }

    public int[] codes(int dimension) {
        return codes[dimension];
    }

    public String describe() {
        if (codes.length == 1) return variables.get(0) + " (" + counts[0] + " clusters)";
        return variables.get(0) + " (" + counts[0] + ") and " + variables.get(1) + " (" + counts[1] + ")";
    }
}
