package eres.api.linalg;

import java.util.List;

/**
 * The linear-algebra service, injectable ({@code @Inject LinearAlgebra}): the accurate least squares
 * and symmetric eigen-decomposition every bundled estimator uses. The platform binds
 * {@link #STANDARD} (EJML, with the extra-precision refinement {@link LeastSquares} applies); the
 * interface is the seam for another backend (a native BLAS, a sparse solver) without changing plugins.
 */
public interface LinearAlgebra {
    /** Least squares of {@code y} on the columns of {@code x} (Not modified), see {@link LeastSquares#fit(double[][], double[], List)}. */
    LeastSquaresFit leastSquares(double[][] x, double[] y, List<String> names);

    /** Eigen-decomposition of a symmetric matrix (Not modified), see {@link SymmetricEigen#of(double[][])}. */
    SymmetricEigen symmetricEigen(double[][] a);

    /** The EJML implementation. */
    LinearAlgebra STANDARD = new LinearAlgebra() {
        @Override
        public LeastSquaresFit leastSquares(double[][] x, double[] y, List<String> names) {
            return LeastSquares.fit(x, y, names);
        }

        @Override
        public SymmetricEigen symmetricEigen(double[][] a) {
            return SymmetricEigen.of(a);
        }
    };
}
