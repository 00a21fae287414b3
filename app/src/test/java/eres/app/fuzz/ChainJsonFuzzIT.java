package eres.app.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import eres.core.chain.ChainLoader;

/** Fuzz target: see {@link FuzzSupport}. */
class ChainJsonFuzzIT {
    @FuzzTest(maxDuration = "30s")
    void fuzz(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        FuzzSupport.expectOnlyEresErrors(() -> ChainLoader.parse("fuzz.json", text));
    }
}
