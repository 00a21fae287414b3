package eres.plugins.gmm;

import eres.api.data.Panel;
import eres.core.testing.TestData;

/** The Arellano-Bond (1991) UK company panel as shipped with plm (EmplUK), in logs: n, w, k, ys. */
final class EmplUK {
    private EmplUK() {
    }

    static Panel panel() {
        return TestData.panel(TestData.resource(EmplUK.class, "/fixtures/emplUK.csv"), "firm", "year", null);
    }
}
