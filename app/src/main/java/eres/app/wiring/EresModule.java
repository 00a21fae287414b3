package eres.app.wiring;

import com.google.inject.AbstractModule;
import eres.api.linalg.LinearAlgebra;

/**
 * The root injector's bindings: services that are the same for every run and step. Per run
 * ({@link Platform#runner()}) and per step run ({@code eres.core.chain.StepServices}) child injectors
 * add the rest; see docs/architecture.md for the graph.
 */
public final class EresModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(LinearAlgebra.class).toInstance(LinearAlgebra.STANDARD);
    }
}
