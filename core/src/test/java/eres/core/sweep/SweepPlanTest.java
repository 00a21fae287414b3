package eres.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eres.api.SpecException;
import eres.api.random.Seeds;
import eres.core.chain.ChainSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expansion of a sweep block: numbering, exclusions, seeds, substitutions and the resolved chains. */
class SweepPlanTest {
    static final String CHAIN = """
            name: s
            seed: 42
            data: {source: d.csv, entity: id, time: year, group: region}
            transforms:
              - log: [x]
            steps:
              - {id: fe, use: panel-fe, with: {y: y, x: [x], se: cluster}}
              - {id: t.2, use: panel-fe, with: {y: y, x: [x]}}
            """;

    static SweepPlan plan(String sweep) {
        ChainSource src = new ChainSource("s.yaml", CHAIN + sweep, Path.of("/tmp"), "s.yaml");
        return SweepPlan.of(src, src.parse(), 42);
    }

    static final String SWEEP = """
            sweep:
              dimensions:
                vcov: {substitute: steps.fe.with.se, values: [cluster, robust, conventional]}
                sample:
                  values:
                    all: {}
                    east: {"transforms[+]": {filter: {group: [east]}}, "steps.t.2.with.se": robust}
              exclude:
                - {vcov: conventional, sample: east}
              collect: {b: "steps.fe.coefficients[x].estimate"}
            """;

    @Test
    void numbersTheGridRowMajorAndKeepsNumbersOfExcludedSpecifications() {
        SweepPlan p = plan(SWEEP);
        assertThat(p.gridSize()).isEqualTo(6);
        assertThat(p.numbers()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(p.coordinates(4)).containsExactly(1, 1);
        assertThat(p.coordinatesText(4)).isEqualTo("vcov=robust;sample=east");
        assertThat(p.contains(6)).isFalse();
        assertThatThrownBy(() -> p.resolve(6)).isInstanceOf(SpecException.class).hasMessageContaining("is excluded by sweep.exclude");
        assertThatThrownBy(() -> p.resolve(7)).hasMessageContaining("must be 1..6, got 7");
    }

    @Test
    void seedsDependOnTheMasterSeedAndTheLabelsOnly() {
        SweepPlan p = plan(SWEEP);
        assertThat(p.seed(4)).isEqualTo(Seeds.derive(42, "sweep/vcov=robust;sample=east"));
        assertThat(p.seed(1)).isNotEqualTo(p.seed(2));
        SweepPlan common = plan(SWEEP + "  seeds: common\n");
        assertThat(common.seed(4)).isEqualTo(42);
    }

    @Test
    void resolvedChainsCarryEverySubstitutionAndTheirSeed() {
        SweepPlan.Resolved r = plan(SWEEP).resolve(4);
        assertThat(r.chain().seed()).isEqualTo(Seeds.derive(42, "sweep/vcov=robust;sample=east"));
        assertThat(r.chain().steps().get(0).with().path("se").asText()).isEqualTo("robust");
        assertThat(r.chain().steps().get(1).id()).isEqualTo("t.2");
        assertThat(r.chain().steps().get(1).with().path("se").asText()).isEqualTo("robust");
        assertThat(r.chain().transforms()).hasSize(2);
        assertThat(r.chain().transforms().get(1).path("filter").path("group").get(0).asText()).isEqualTo("east");
        assertThat(r.chain().sweep()).isNull();
        assertThat(r.source().text()).startsWith("# specification 4 of the sweep in s.yaml: vcov=robust;sample=east\n");
        assertThat(r.labels()).containsExactly(java.util.Map.entry("vcov", "robust"), java.util.Map.entry("sample", "east"));
        // the base chain is not modified by resolving
        assertThat(plan(SWEEP).resolve(1).chain().transforms()).hasSize(1);
    }

    @Test
    void quotedNumbersStayText() {
        SweepPlan p = plan("""
                sweep:
                  dimensions:
                    sample: {values: {nomun: {"transforms[+]": {filter: {exclude-entity: ["11", "50"]}}}}}
                  collect: {b: "steps.fe.coefficients[0].estimate"}
                """);
        var f = p.resolve(1).chain().transforms().get(1).path("filter").path("exclude-entity");
        assertThat(f.get(0).isTextual()).isTrue();
        assertThat(f.get(0).asText()).isEqualTo("11");
    }

    @Test
    void rangesAndStepReplacement() {
        SweepPlan p = plan("""
                sweep:
                  dimensions:
                    model: {substitute: steps.fe, values: {be: {use: between, with: {y: y, x: [x]}}}}
                    data-seed: {substitute: data.seed, range: [3, 5]}
                  collect: {b: "steps.fe.coefficients[0].estimate"}
                """);
        assertThat(p.numbers()).hasSize(3);
        assertThat(p.labels(3).get("data-seed")).isEqualTo("5");
        var c = p.resolve(3).chain();
        assertThat(c.steps().get(0).id()).isEqualTo("fe");
        assertThat(c.steps().get(0).use()).isEqualTo("between");
        assertThat(c.data().readerOptions().get("seed")).isEqualTo(5);
    }

    @Test
    void problemsAreNamed() {
        assertThatThrownBy(() -> plan("sweep:\n  dimensions: {a: {substitute: steps.fe.with.se, range: [1, 2000000]}}\n  collect: {b: \"steps.fe.coefficients[0].estimate\"}\n"))
                .hasMessageContaining("above the limit of 1000000");
        assertThatThrownBy(() -> plan("sweep:\n  dimensions: {a: {substitute: steps.fe.with.se, values: [x]}, b: {substitute: steps.fe.with.se, values: [y]}}\n"
                + "  collect: {c: \"steps.fe.coefficients[0\"}\n")).hasMessageContaining("'[' without ']'");
        assertThatThrownBy(() -> plan("sweep:\n  dimensions: {a: {substitute: \"transforms[5]\", values: [x]}}\n  collect: {c: \"steps.fe.statistics.nobs\"}\n"))
                .hasMessageContaining("has 1 entries (positions 0..0)");
        assertThatThrownBy(() -> plan("sweep:\n  dimensions: {a: {values: [x, y]}}\n  collect: {c: \"steps.fe.statistics.nobs\"}\n"))
                .hasMessageContaining("without 'substitute', each alternative is a map of paths to values");
        assertThatThrownBy(() -> plan("sweep:\n  dimensions: {spec: {substitute: steps.fe.with.se, values: [x]}}\n  collect: {c: \"steps.fe.statistics.nobs\"}\n"))
                .hasMessageContaining("'spec' is a column of the sweep table");
        assertThatThrownBy(() -> plan("sweep:\n  dimensions: {a: {substitute: steps, values: [x]}}\n  collect: {c: \"steps.fe.statistics.nobs\"}\n"))
                .hasMessageContaining("substitute into one step");
    }

    @Test
    void collectedPathsParse() {
        Collector.Path p = Collector.Path.of("steps.t.2[east].coefficients[ln_opt].estimate", "c", List.of("fe", "t.2", "t"));
        assertThat(p.step()).isEqualTo("t.2");
        assertThat(p.group()).isEqualTo("east");
        assertThat(p.parts()).containsExactly(".coefficients".substring(1), "[ln_opt]", "estimate");
        assertThat(Collector.fill("steps.fe.coefficients[{proxy}].estimate", java.util.Map.of("proxy", "ln_int")))
                .isEqualTo("steps.fe.coefficients[ln_int].estimate");
    }
}
