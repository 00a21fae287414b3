package eres.api.spatial;

import java.util.List;

/**
 * What a user should know about a weights matrix before trusting a spatial model: its size, how many
 * links, the neighbour-count range, whether it is symmetric (before any row standardisation it was
 * built from, see {@link Weights#isSymmetrizable}) and which units have no neighbour (islands).
 *
 * @param units          N
 * @param links          number of non-zero weights
 * @param minNeighbours  smallest row count of non-zero weights
 * @param maxNeighbours  largest row count of non-zero weights
 * @param meanNeighbours links / N
 * @param symmetric      W equals its transpose (relative tolerance 1e-10)
 * @param symmetrizable  W = D^-1 C with C symmetric and D diagonal (true for any symmetric matrix and for
 *                       a row-standardised symmetric one): its eigenvalues are then real
 * @param rowStandardized every row sums to 1
 * @param islands        ids of units without neighbours
 */
public record WeightsSummary(String description, int units, int links, int minNeighbours, int maxNeighbours,
                             double meanNeighbours, boolean symmetric, boolean symmetrizable, boolean rowStandardized,
                             List<String> islands) {
    public WeightsSummary {
        islands = List.copyOf(islands);
    }
}
