package eres.core.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryTest {
    @Test
    void outOfMemoryIsOneLineNamingTheLauncherVariableAndAFigure() {
        String m = Memory.outOfMemory(new OutOfMemoryError("Java heap space"));
        assertThat(m).startsWith("out of memory (Java heap space): the JVM may use at most ")
                .contains("ERES_JAVA_OPTS=-Xmx").doesNotContain("\n").doesNotContain(" JAVA_OPTS");
        long suggested = Long.parseLong(m.replaceAll(".*-Xmx(\\d+)g.*", "$1"));
        assertThat(suggested << 30).isGreaterThanOrEqualTo(Memory.maxHeap());
    }
}
