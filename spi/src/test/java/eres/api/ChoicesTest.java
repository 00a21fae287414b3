package eres.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eres.api.panel.Effects;
import eres.api.panel.VcovType;
import org.junit.jupiter.api.Test;

class ChoicesTest {
    enum Twice {
        @Choice(value = "a", aliases = {"x"}) A,
        @Choice(value = "b", aliases = {"X"}) B
    }

    @Test
    void canonicalNamesAndAliasesInAnyCase() {
        assertThat(Choices.parse("se", VcovType.class, "HC1")).isEqualTo(VcovType.ROBUST);
        assertThat(Choices.parse("effects", Effects.class, "two_way")).isEqualTo(Effects.TWOWAYS);
        assertThat(Choices.name(Effects.NONE)).isEqualTo("pooled");
        assertThat(Choices.names(VcovType.class)).containsExactly("conventional", "robust", "cluster");
        assertThat(Choices.aliases(VcovType.ROBUST)).containsExactly("hc1", "hc", "white");
    }

    @Test
    void unknownSpellingsNameTheChoices() {
        assertThatThrownBy(() -> Choices.parse("se", VcovType.class, "clustr")).isInstanceOf(SpecException.class)
                .hasMessage("'se' 'clustr' is not one of conventional, robust, cluster (did you mean 'cluster'?)");
        assertThatThrownBy(() -> Choices.parse("se", VcovType.class, null)).hasMessageContaining("is required");
    }

    @Test
    void aSpellingNamingTwoConstantsIsAProgrammingError() {
        assertThatThrownBy(() -> Choices.names(Twice.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spelling 'X' names both A and B");
    }
}
