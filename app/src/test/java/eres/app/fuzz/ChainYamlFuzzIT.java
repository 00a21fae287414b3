package eres.app.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import eres.core.chain.ChainLoader;

/** Fuzz target: see {@link FuzzSupport}. */
class ChainYamlFuzzIT {
    @FuzzTest(maxDuration = "30s")
    void fuzz(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        FuzzSupport.expectOnlyEresErrors(() -> ChainLoader.parse("fuzz.yaml", text));
    }
}
