package eres.plugins.gtwr;

import eres.api.Estimator;
import eres.api.Param;
import eres.api.StepContext;
import eres.api.result.StepResult;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Geographically weighted regression (Fotheringham, Brunsdon &amp; Charlton 2002): GTWR without the time
 * distance. On a panel every (entity, time) row is an observation at its entity's location.
 * Verified against GWR4 4.0.90 on the Georgia data (adaptive and fixed, bisquare and Gaussian:
 * AICc, tr S, local coefficients, standard errors, local R^2; tests in this module).
 */
@Extension
public final class GwrEstimator implements Estimator<GwrEstimator.Parameters> {

    /** Parameters of {@code gwr}: bound and validated when the chain is read (enums with aliases, see {@link GwrOptions}). */
    public record Parameters(
            @Param(value = "dependent variable", required = true) String y,
            @Param(value = "regressors (an intercept is added)", required = true) List<String> x,
            @Param(value = "kernel: bisquare, gaussian, exponential, tricube or boxcar", defaultValue = "bisquare") Kernel kernel,
            @Param(value = "adaptive bandwidth (a number of nearest neighbours) instead of a fixed distance", defaultValue = "false") Boolean adaptive,
            @Param(value = "bandwidth: neighbours (adaptive) or distance in km / coordinate units (fixed); selected when absent", defaultValue = "selected") Double bandwidth,
            @Param(value = "selection criterion: aicc or cv", defaultValue = "aicc") GwrOptions.Criterion criterion,
            @Param(value = "bandwidth search: auto (golden up to n = 4000, else expanding), golden, gwmodel, interval or expanding", defaultValue = "auto") BandwidthSearch.Method search,
            @Param(value = "lower end of the bandwidth search: max(p + 2, 20) neighbours, or the largest distance / 5000", defaultValue = "20 | dmax/5000") Double bandwidthMin,
            @Param(value = "upper end of the bandwidth search: n neighbours, or the largest distance", defaultValue = "n | dmax") Double bandwidthMax,
            @Param(value = "grid step of search: interval", defaultValue = "1 | range/100") Double intervalStep,
            @Param(value = "latitude column (WGS84 degrees); with lon, distances are great-circle km", defaultValue = "geography") String lat,
            @Param(value = "longitude column (WGS84 degrees)", defaultValue = "geography") String lon,
            @Param(value = "projected x coordinate column (Euclidean distances)", defaultValue = "") String xCoord,
            @Param(value = "projected y coordinate column", defaultValue = "") String yCoord,
            @Param(value = "Gaussian/exponential weights below this are set to 0 (0 = never truncate)", defaultValue = "1e-10") Double gaussianCutoff,
            @Param(value = "Monte Carlo permutations of the non-stationarity test (0 = skip)", defaultValue = "99") Integer permutations,
            @Param(value = "prefix of the new columns (<output>.<term>, .se, .t, .r2, .yhat, .residual)", defaultValue = "gwr") String output,
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
            gaussianCutoff = gaussianCutoff == null ? GwrOptions.DEFAULT_CUTOFF : gaussianCutoff;
            permutations = permutations == null ? 99 : permutations;
            output = output == null ? "gwr" : output;
            mapClasses = mapClasses == null ? 5 : mapClasses;
            mapBreaks = mapBreaks == null ? GwrOptions.MapBreaks.PER_PERIOD : mapBreaks;
            maps = maps == null || maps;
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            GwrOptions.of(new GwrOptions.Common(y, x, kernel, adaptive, bandwidth, criterion, search, bandwidthMin, bandwidthMax, intervalStep,
                    lat, lon, xCoord, yCoord, gaussianCutoff, permutations, output, mapTerms, periods, mapClasses, mapBreaks, maps, labels), null);
        }

        /** The shared nested options without the space-time part (validated; every problem reported at once). */
        GwrOptions options() {
            return GwrOptions.of(this, null);
        }
    }

    @Override
    public String id() {
        return "gwr";
    }

    @Override
    public String description() {
        return "Geographically weighted regression (bandwidth by AICc/CV, local estimates, non-stationarity tests, "
                + "natural-breaks maps)";
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
