package eres.plugins.gtwr;

import eres.api.Estimator;
import eres.api.Param;
import eres.api.StepContext;
import eres.api.result.StepResult;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Geographically and temporally weighted regression (Huang, Wu &amp; Barry 2010): at every observation
 * a weighted least-squares fit with kernel weights on the space-time distance
 * {@code d_ST = sqrt(d_S^2 + tau d_T^2)}; the bandwidth (fixed distance or adaptive neighbour count)
 * and the space-time ratio tau are chosen by AICc or CV, or given. Reports local coefficients,
 * standard errors, t-values and R^2 as panel columns and a CSV side file, global diagnostics (AICc,
 * tr S, RSS), non-stationarity tests and natural-breaks coefficient maps per period.
 *
 * <p>Uses k-d-tree neighbour lists, never an n x n matrix. With tau = 0 the fit is GWR, which matches
 * GWR4 4.0.90 on the Georgia data (tests in this module). See {@code docs/methods/gtwr.md}.
 */
@Extension
public final class GtwrEstimator implements Estimator<GtwrEstimator.Parameters> {

    /** Parameters of {@code gtwr}: bound and validated when the chain is read (enums with aliases, see {@link GwrOptions}). */
    public record Parameters(
            @Param(value = "dependent variable", required = true) String y,
            @Param(value = "regressors (an intercept is added)", required = true) List<String> x,
            @Param(value = "kernel: bisquare, gaussian, exponential, tricube or boxcar", defaultValue = "bisquare") Kernel kernel,
            @Param(value = "adaptive bandwidth (a number of nearest space-time neighbours) instead of a fixed distance", defaultValue = "false") Boolean adaptive,
            @Param(value = "bandwidth: neighbours (adaptive) or distance in km / coordinate units (fixed); selected when absent", defaultValue = "selected") Double bandwidth,
            @Param(value = "selection criterion: aicc or cv", defaultValue = "aicc") GwrOptions.Criterion criterion,
            @Param(value = "bandwidth search: auto (golden up to n = 4000, else expanding), golden, gwmodel, interval or expanding", defaultValue = "auto") BandwidthSearch.Method search,
            @Param(value = "lower end of the bandwidth search: max(p + 2, 20) neighbours, or the largest distance / 5000", defaultValue = "20 | dmax/5000") Double bandwidthMin,
            @Param(value = "upper end of the bandwidth search: n neighbours, or the largest distance", defaultValue = "n | dmax") Double bandwidthMax,
            @Param(value = "grid step of search: interval", defaultValue = "1 | range/100") Double intervalStep,
            @Param(value = "space-time distance: huang (d^2 = dS^2 + tau dT^2) or gwmodel-linear", defaultValue = "huang") SpaceTimeMetric.Form distance,
            @Param(value = "space-time ratio tau = mu / lambda (distance units^2 per time unit^2); selected when absent", defaultValue = "selected") Double tau,
            @Param(value = "Huang et al.'s spatial scale lambda (with mu; tau = mu / lambda)", defaultValue = "") Double lambda,
            @Param(value = "Huang et al.'s temporal scale mu (with lambda)", defaultValue = "") Double mu,
            @Param(value = "search range of log10(tau / m^2), m = median spatial distance", defaultValue = "[-3, 3]") List<Double> tauRange,
            @Param(value = "gwmodel-linear: weight of the spatial distance", defaultValue = "0.05") Double lambdaGw,
            @Param(value = "gwmodel-linear: angle ksi in [0, pi/2]", defaultValue = "0") Double ksi,
            @Param(value = "time window: symmetric (|t_i - t_j|) or past-only (GWmodel)", defaultValue = "symmetric") GwrOptions.TimeWindow timeWindow,
            @Param(value = "latitude column (WGS84 degrees); with lon, distances are great-circle km", defaultValue = "geography") String lat,
            @Param(value = "longitude column (WGS84 degrees)", defaultValue = "geography") String lon,
            @Param(value = "projected x coordinate column (Euclidean distances)", defaultValue = "") String xCoord,
            @Param(value = "projected y coordinate column", defaultValue = "") String yCoord,
            @Param(value = "Gaussian/exponential weights below this are set to 0 (0 = never truncate)", defaultValue = "1e-10") Double gaussianCutoff,
            @Param(value = "Monte Carlo permutations of the non-stationarity test (0 = skip)", defaultValue = "99") Integer permutations,
            @Param(value = "prefix of the new columns (<output>.<term>, .se, .t, .r2, .yhat, .residual)", defaultValue = "gtwr") String output,
            @Param(value = "terms mapped per period", defaultValue = "the first x") List<String> mapTerms,
            @Param(value = "map periods: first-last years (2008-2012), single years, or 'every N' (consecutive N-year periods from the data's first year)", defaultValue = "every 5") List<String> periods,
            @Param(value = "natural-breaks classes per map", defaultValue = "5") Integer mapClasses,
            @Param(value = "per-period breaks or common breaks across periods", defaultValue = "per-period") GwrOptions.MapBreaks mapBreaks,
            @Param(value = "draw coefficient maps", defaultValue = "true") Boolean maps,
            @Param(value = "display labels of variables", defaultValue = "{}") Map<String, String> labels) implements GwrOptions.Keys {

        public Parameters {
            // the documented defaults, bound (descriptive ones such as "selected" stay null)
            kernel = kernel == null ? Kernel.BISQUARE : kernel;
            adaptive = adaptive != null && adaptive;
            criterion = criterion == null ? GwrOptions.Criterion.AICC : criterion;
            search = search == null ? BandwidthSearch.Method.AUTO : search;
            distance = distance == null ? SpaceTimeMetric.Form.HUANG : distance;
            timeWindow = timeWindow == null ? GwrOptions.TimeWindow.SYMMETRIC : timeWindow;
            lambdaGw = lambdaGw == null ? 0.05 : lambdaGw;
            ksi = ksi == null ? 0.0 : ksi;
            gaussianCutoff = gaussianCutoff == null ? GwrOptions.DEFAULT_CUTOFF : gaussianCutoff;
            permutations = permutations == null ? 99 : permutations;
            output = output == null ? "gtwr" : output;
            mapClasses = mapClasses == null ? 5 : mapClasses;
            mapBreaks = mapBreaks == null ? GwrOptions.MapBreaks.PER_PERIOD : mapBreaks;
            maps = maps == null || maps;
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            GwrOptions.of(new GwrOptions.Common(y, x, kernel, adaptive, bandwidth, criterion, search, bandwidthMin, bandwidthMax, intervalStep,
                    lat, lon, xCoord, yCoord, gaussianCutoff, permutations, output, mapTerms, periods, mapClasses, mapBreaks, maps, labels),
                    spaceTimeOf(distance, tau, lambda, mu, tauRange, lambdaGw, ksi, timeWindow));
        }

        /** The shared nested options (validated; every problem reported at once). */
        GwrOptions options() {
            return GwrOptions.of(this, () -> spaceTime(distance, tau, lambda, mu, tauRange, lambdaGw, ksi, timeWindow));
        }

        private static java.util.function.Supplier<GwrOptions.SpaceTime> spaceTimeOf(SpaceTimeMetric.Form distance, Double tau, Double lambda,
                Double mu, List<Double> tauRange, Double lambdaGw, Double ksi, GwrOptions.TimeWindow window) {
            return () -> spaceTime(distance, tau, lambda, mu, tauRange, lambdaGw, ksi, window);
        }

        private static GwrOptions.SpaceTime spaceTime(SpaceTimeMetric.Form distance, Double tau, Double lambda, Double mu,
                                                      List<Double> tauRange, Double lambdaGw, Double ksi, GwrOptions.TimeWindow window) {
            double[] range = GwrOptions.SpaceTime.tauRange(tauRange);
            return new GwrOptions.SpaceTime(distance, GwrOptions.SpaceTime.tau(tau, lambda, mu), range[0], range[1],
                    lambdaGw == null ? 0.05 : lambdaGw, ksi == null ? 0 : ksi, window);
        }
    }

    @Override
    public String id() {
        return "gtwr";
    }

    @Override
    public String description() {
        return "Geographically and temporally weighted regression (bandwidth and space-time ratio by AICc/CV, local estimates, "
                + "non-stationarity tests, natural-breaks maps)";
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public StepResult run(Parameters parameters, StepContext context) {
        return GwrRun.run(parameters.options(), context);
    }
}
