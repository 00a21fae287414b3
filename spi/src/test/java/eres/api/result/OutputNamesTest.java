package eres.api.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eres.api.SpecException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Output names are injective, safe and readable where the label already is (issue 19.2). */
class OutputNamesTest {
    @Test
    void chineseGroupLabelsAndChainNamesGetDistinctNames() {
        assertThat(OutputNames.encode("东部")).isEqualTo("+E4+B8+9C+E9+83+A8");
        assertThat(OutputNames.encode("西部")).isEqualTo("+E8+A5+BF+E9+83+A8");
        assertThat(OutputNames.encode("研究一")).isNotEqualTo(OutputNames.encode("研究二"));
        assertThat(OutputNames.entry("fe", "东部")).isNotEqualTo(OutputNames.entry("fe", "西部"));
    }

    @Test
    void aStepIdWithADoubleDashNeverMeetsAStepAndGroup() {
        assertThat(OutputNames.entry("fe", "east")).isEqualTo("fe--east");
        assertThat(OutputNames.entry("fe--east", null)).isEqualTo("fe-+2Deast");
        assertThat(OutputNames.entry("fe-", "east")).isEqualTo("fe+2D--east");
        assertThat(OutputNames.entry("fe", "-east")).isEqualTo("fe--+2Deast");
        // every (step, group) pair of a small alphabet gives a different key
        List<String> parts = List.of("a", "b", "-", "--", "a-", "-a", "a--b", "a-b", "", "+", "2D", "+2D");
        Map<String, String> seen = new HashMap<>();
        for (String s : parts) {
            if (s.isEmpty()) continue;
            for (String g : parts) {
                String key = OutputNames.entry(s, g);
                String was = seen.put(key, s + " | " + g);
                assertThat(was).as(key).isNull();
            }
            String was = seen.put(OutputNames.entry(s, null), s);
            assertThat(was).as(s).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"baseline", "fe-east", "x_1.2", "Table3", "combined-table3", "north_east", "a.b-c_d"})
    void safeAsciiNamesStayAsTheyAre(String name) {
        assertThat(OutputNames.encode(name)).isEqualTo(name);
        assertThat(OutputNames.isSafe(name)).isTrue();
    }

    @Test
    void pathsAndHiddenNamesCannotBeFormed() {
        assertThat(OutputNames.encode("..")).isEqualTo("+2E+2E");
        assertThat(OutputNames.encode(".")).isEqualTo("+2E");
        assertThat(OutputNames.encode(".hidden")).isEqualTo("+2Ehidden");
        assertThat(OutputNames.encode("a..b")).isEqualTo("a.+2Eb");
        assertThat(OutputNames.encode("a.")).isEqualTo("a+2E");
        assertThat(OutputNames.encode("../../etc")).isEqualTo("+2E+2E+2F.+2E+2Fetc");
        assertThat(OutputNames.encode("a/b\\c")).isEqualTo("a+2Fb+5Cc");
        assertThat(OutputNames.encode("")).isEqualTo("+");
        assertThat(OutputNames.encode("+")).isEqualTo("+2B");
        assertThat(OutputNames.encode("~")).isEqualTo("+7E");
        assertThat(OutputNames.encode("a b")).isEqualTo("a+20b");
        assertThat(OutputNames.encode("CON")).isEqualTo("+43ON");
        assertThat(OutputNames.encode("nul.txt")).isEqualTo("+6Eul.txt");
        assertThat(OutputNames.encode("CONSOLE")).isEqualTo("CONSOLE");
        assertThat(OutputNames.sanitize(null)).isEqualTo("+");
    }

    @Test
    void longLabelsAreCutAndHashedButStayDistinct() {
        String a = "很长的区域名称".repeat(10) + "甲";
        String b = "很长的区域名称".repeat(10) + "乙";
        String ea = OutputNames.encode(a);
        String eb = OutputNames.encode(b);
        assertThat(ea).hasSizeLessThanOrEqualTo(OutputNames.MAX_ENCODED).contains("++").isNotEqualTo(eb);
        assertThat(ea.substring(0, ea.indexOf("++"))).matches("(\\+[0-9A-F]{2})+");
        assertThat(OutputNames.isSafe(ea)).isTrue();
        assertThatThrownBy(() -> OutputNames.decode(ea)).isInstanceOf(IllegalArgumentException.class);
        String ascii = "x".repeat(200);
        assertThat(OutputNames.encode(ascii)).hasSize(58).startsWith("x".repeat(40) + "++");
    }

    /** decode(encode(s)) = s on random strings (BMP, astral, lone surrogates, ASCII punctuation), so encode is injective. */
    @Test
    void roundTripsOnRandomLabels() {
        SplittableRandom rnd = new SplittableRandom(19);
        String alphabet = "ab-._+~ /\\:*?\"<>|%\u00e9\u4e1c\u90e8";
        Map<String, String> seen = new HashMap<>();
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(0, 9);
            for (int i = 0; i < len; i++) {
                int kind = rnd.nextInt(10);
                if (kind < 7) sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                else if (kind == 7) sb.appendCodePoint(rnd.nextInt(0x10000, 0x110000));
                else if (kind == 8) sb.append((char) rnd.nextInt(0xD800, 0xE000));   // lone surrogates too
                else sb.append((char) rnd.nextInt(0, 0x80));
            }
            String label = sb.toString();
            String e = OutputNames.encode(label);
            assertThat(OutputNames.isSafe(e)).as(e).isTrue();
            assertThat(e).doesNotContain("--").doesNotStartWith("-").doesNotEndWith("-").doesNotStartWith(".");
            if (!e.contains("++")) assertThat(OutputNames.decode(e)).isEqualTo(label);
            String was = seen.put(e, label);
            assertThat(was == null || was.equals(label)).as(e + " from '" + was + "' and '" + label + "'").isTrue();
        }
    }

    @Test
    void requireSafeRejectsPathsAndAcceptsEncodedNames() {
        List<String> bad = new ArrayList<>(List.of("", ".x", "a/b", "..", "a..b", "-x", "x y"));
        bad.add("y".repeat(OutputNames.MAX_SEGMENT + 1));
        for (String b : bad) assertThatThrownBy(() -> OutputNames.requireSafe(b)).as(b).isInstanceOf(SpecException.class);
        assertThat(OutputNames.requireSafe(OutputNames.encode("东部"))).isEqualTo("+E4+B8+9C+E9+83+A8");
    }
}
