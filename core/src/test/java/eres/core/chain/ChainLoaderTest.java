package eres.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eres.api.SpecException;
import org.junit.jupiter.api.Test;

/** Chain files: strict keys with suggestions, types, YAML syntax, references between steps. */
class ChainLoaderTest {
    static final String OK = "name: t\ndata: {source: x.csv, entity: id, time: year}\nsteps:\n  - {id: a, use: panel-fe, with: {y: y, x: [x]}}\n";

    @Test
    void parsesAMinimalChainWithDefaults() {
        Chain c = ChainLoader.parse("c.yaml", OK);
        assertThat(c.steps()).hasSize(1);
        assertThat(c.steps().get(0).onError()).isEqualTo("stop");
        assertThat(c.report().formats()).containsExactly("markdown");
        assertThat(c.data().missing()).isEqualTo("error");
    }

    @Test
    void jsonChainsWork() {
        Chain c = ChainLoader.parse("c.json", "{\"name\":\"t\",\"data\":{\"source\":\"default\"},\"steps\":[{\"id\":\"a\",\"use\":\"describe\"}]}");
        assertThat(c.data().source()).isEqualTo("default");
    }

    @Test
    void unknownTopLevelKeySuggestsTheClosest() {
        assertThatThrownBy(() -> ChainLoader.parse("c.yaml", OK.replace("steps:", "stpes:")))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("unknown key 'stpes' (did you mean 'steps'?)");
    }

    @Test
    void unknownStepKeySuggestsTheClosest() {
        assertThatThrownBy(() -> ChainLoader.parse("c.yaml", OK.replace("use: panel-fe", "uze: panel-fe")))
                .hasMessageContaining("unknown key 'uze' (did you mean 'use'?)");
    }

    @Test
    void wrongTypesAreNamed() {
        assertThatThrownBy(() -> ChainLoader.parse("c.yaml", OK.replace("name: t", "name: t\nseed: abc")))
                .isInstanceOf(SpecException.class).hasMessageContaining("seed");
        assertThatThrownBy(() -> ChainLoader.parse("c.yaml", OK.replace("with: {y: y, x: [x]}", "with: [1, 2]")))
                .hasMessageContaining("a.with").hasMessageContaining("must be a map of parameters");
    }

    @Test
    void badYamlReportsTheLine() {
        assertThatThrownBy(() -> ChainLoader.parse("c.yaml", "name: t\ndata: {source: x\nsteps: [\n"))
                .isInstanceOf(SpecException.class).hasMessageContaining("c.yaml line");
        assertThatThrownBy(() -> ChainLoader.parse("c.yaml", "")).hasMessageContaining("c.yaml is empty");
        assertThatThrownBy(() -> ChainLoader.parse("c.yaml", "name: t\nname: u\ndata: {}\nsteps: []\n"))
                .hasMessageContaining("name");
    }

    @Test
    void missingRequiredPartsAreNamed() {
        assertThatThrownBy(() -> ChainLoader.parse("c.yaml", "name: t\ndata: {source: default}\n"))
                .hasMessageContaining("'steps' must list at least one step");
        assertThatThrownBy(() -> ChainLoader.parse("c.yaml", "data: {source: default}\nsteps: [{id: a, use: b}]\n"))
                .hasMessageContaining("'name' is required");
    }

    @Test
    void stepReferencesAreChecked() {
        String dup = OK + "  - {id: a, use: describe}\n";
        assertThatThrownBy(() -> ChainLoader.parse("c.yaml", dup)).hasMessageContaining("step id is used twice");
        String dangling = OK + "  - {id: b, use: describe, needs: [zz]}\n";
        assertThatThrownBy(() -> ChainLoader.parse("c.yaml", dangling)).hasMessageContaining("no step 'zz'");
        String forward = OK + "  - {id: b, use: describe, needs: [c]}\n  - {id: c, use: describe, needs: [b]}\n";
        assertThatThrownBy(() -> ChainLoader.parse("c.yaml", forward)).hasMessageContaining("'c' comes later in the chain");
        String self = OK + "  - {id: b, use: describe, needs: [b]}\n";
        assertThatThrownBy(() -> ChainLoader.parse("c.yaml", self)).hasMessageContaining("cannot need itself");
        String table = OK + "report: {tables: [{id: t1, steps: [a, q]}]}\n";
        assertThatThrownBy(() -> ChainLoader.parse("c.yaml", table)).hasMessageContaining("no step 'q'");
    }

    @Test
    void unsafeStepIdsAreRejected() {
        assertThatThrownBy(() -> ChainLoader.parse("c.yaml", OK.replace("id: a", "id: ../../etc")))
                .hasMessageContaining("must be 1-64 letters");
    }

    @Test
    void yamlAliasBombsAreRefused() {
        StringBuilder b = new StringBuilder("name: t\ndata: {source: default}\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++) {
            b.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            b.append("]\n");
        }
        b.append("steps: [{id: s, use: describe}]\n");
        assertThatThrownBy(() -> ChainLoader.parse("bomb.yaml", b.toString())).isInstanceOf(SpecException.class);
    }

    /** Issue 19.3: an alias was read as the anchor's name, so {@code y: *w} regressed the column w. */
    @Test
    void yamlAnchorsAndAliasesAreRefusedWithTheirLocation() {
        String alias = "name: t\ndata: {source: default}\nsteps:\n  - id: a\n    use: panel-fe\n    with: {y: &w y, x: [x]}\n"
                + "  - id: b\n    use: panel-fe\n    with: {y: *w, x: [x]}\n";
        assertThatThrownBy(() -> ChainLoader.parse("c.yaml", alias)).isInstanceOf(SpecException.class)
                .hasMessageContaining("c.yaml line 6 column 15: YAML anchor '&w' is not supported").hasMessageNotContaining("\n");
        String merge = "name: t\ndata: {source: default}\nsteps:\n  - {id: a, use: panel-fe, with: {y: y, x: [x]}}\n"
                + "  - {id: b, use: panel-fe, with: {<<: *base, y: y}}\n";
        assertThatThrownBy(() -> ChainLoader.parse("c.yaml", merge)).isInstanceOf(SpecException.class)
                .hasMessageContaining("line 5").hasMessageContaining("alias '*base'");
        // '&' and '*' inside text are fine
        Chain c = ChainLoader.parse("c.yaml", "name: R&D*2\ntitle: \"a * b & c\"\ndata: {source: default}\n"
                + "steps: [{id: s, use: describe, with: {vars: [x]}}]\n");
        assertThat(c.name()).isEqualTo("R&D*2");
    }
}
