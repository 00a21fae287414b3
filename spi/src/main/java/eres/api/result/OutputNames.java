package eres.api.result;

import eres.api.SpecException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one rule for names that become output file names.
 *
 * <p>A <em>safe</em> name (what {@link OutputSink} accepts as a path segment) is 1-250 characters
 * of {@code A-Z a-z 0-9 . _ - +}, starting with a letter, digit, {@code _} or {@code +}, without
 * {@code ..}. Names that come from users or their data (chain names, step ids, group labels such as
 * {@code 东部}) go through {@link #encode}, an escape scheme that is <em>injective</em>: two different
 * labels never give the same file name, so one group's or one study's files can never replace
 * another's. It is percent-encoding with {@code +} in place of {@code %} (UTF-8 bytes as {@code +XX},
 * upper-case hex; {@code +} because it is an ordinary character in file names, URLs, shells and LaTeX
 * {@code \input}, where {@code %} and {@code ~} are not), applied only where needed:
 *
 * <ul>
 *   <li>ASCII letters, digits and {@code _} are kept;</li>
 *   <li>{@code .} is kept except first, last or after another {@code .} (no hidden files, no
 *       {@code ..}, no trailing dot that Windows would drop);</li>
 *   <li>{@code -} is kept except first, last or after another {@code -}, so an encoded name never
 *       contains {@code --}, which is therefore free to separate a step from its group
 *       ({@link #entry}: step {@code fe--east} is {@code fe-+2Deast}, step {@code fe} group
 *       {@code east} is {@code fe--east});</li>
 *   <li>every other character, {@code +} included, is escaped: {@code 东部} is
 *       {@code +E4+B8+9C+E9+83+A8}, a space is {@code +20};</li>
 *   <li>the empty name is {@code +}; a name equal to a Windows device name ({@code CON}, {@code NUL},
 *       {@code COM1}, ...) has its first letter escaped;</li>
 *   <li>a name whose encoding would be longer than {@link #MAX_ENCODED} characters is cut to its first
 *       40 characters, followed by {@code ++} and 16 hex digits of the SHA-256 of the label (64 bits;
 *       {@code ++} never occurs in a name that is not cut).</li>
 * </ul>
 *
 * {@link #decode} inverts the scheme for names that were not cut. The display name is always kept in
 * the files themselves (table titles, column headers, {@code results.json}) and in the output
 * directory's manifest. Names that differ only in letter case are distinct here but are the same file
 * on Windows and macOS; the output directory refuses such pairs (and any other pair of outputs mapping
 * to one file) with an error.
 */
public final class OutputNames {
    /** Longest safe path segment (file systems allow 255 bytes; names here are ASCII). */
    public static final int MAX_SEGMENT = 250;
    /** Longest result of {@link #encode}; longer encodings are cut and hashed. */
    public static final int MAX_ENCODED = 60;

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_+][A-Za-z0-9._+-]{0," + (MAX_SEGMENT - 1) + "}");
    private static final Pattern DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
    private static final int CUT = 40;

    private OutputNames() {
    }

    public static boolean isSafe(String name) {
        return name != null && SAFE.matcher(name).matches() && !name.contains("..");
    }

    public static String requireSafe(String name) {
        if (!isSafe(name)) {
            throw new SpecException("name", "'" + name + "' is not a safe output name (letters, digits, . _ - + only)");
        }
        return name;
    }

    /**
     * The file-name form of a label: injective, always {@linkplain #isSafe safe}, never containing
     * {@code --} nor starting or ending with {@code -} (see the class comment).
     */
    public static String encode(String label) {
        Objects.requireNonNull(label, "label");
        if (label.isEmpty()) return "+";
        StringBuilder sb = new StringBuilder(label.length() + 8);
        int[] cps = label.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            boolean first = i == 0;
            boolean last = i == cps.length - 1;
            boolean keep;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
                keep = true;
            } else if (c == '.') {
                keep = !first && !last && cps[i - 1] != '.';
            } else if (c == '-') {
                keep = !first && !last && cps[i - 1] != '-';
            } else {
                keep = false;
            }
            if (keep) sb.append((char) c);
            else escape(sb, c);
        }
        String s = sb.toString();
        if (DEVICE.matcher(s).matches()) {
            StringBuilder first = new StringBuilder();
            escape(first, s.charAt(0));
            s = first + s.substring(1);
        }
        if (s.length() > MAX_ENCODED) {
            int cut = CUT;
            // never cut inside an escape +XX
            int plus = s.lastIndexOf('+', cut - 1);
            if (plus >= 0 && plus > cut - 3) cut = plus;
            s = s.substring(0, cut) + "++" + sha256(label).substring(0, 16);
        }
        return s;
    }

    /** The label of an encoded name ({@link #encode} not cut); inverse of {@link #encode}. */
    public static String decode(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.equals("+")) return "";
        if (encoded.contains("++")) throw new IllegalArgumentException("'" + encoded + "' was cut and hashed; it cannot be decoded");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                if (i + 2 >= encoded.length()) throw new IllegalArgumentException("bad escape in " + encoded);
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return wtf8Decode(bytes.toByteArray());
    }

    /**
     * The file-name key of a step's outputs: {@code encode(step)} or {@code encode(step)--encode(group)}
     * for a {@code by:} group. Injective in (step, group), since encoded names never contain {@code --}.
     */
    public static String entry(String stepId, String group) {
        return group == null ? encode(stepId) : encode(stepId) + "--" + encode(group);
    }

    /**
     * As {@link #encode}; kept for plugins that build figure or table ids from labels (the former
     * replace-by-dash rule mapped different labels to one name).
     */
    public static String sanitize(String raw) {
        return encode(raw == null ? "" : raw);
    }

    /** Appends the UTF-8 bytes of {@code cp} as {@code +XX}; lone surrogates are written as their 3-byte form (WTF-8). */
    private static void escape(StringBuilder sb, int cp) {
        byte[] b;
        if (cp < 0x80) {
            b = new byte[] {(byte) cp};
        } else if (cp < 0x800) {
            b = new byte[] {(byte) (0xC0 | (cp >> 6)), (byte) (0x80 | (cp & 0x3F))};
        } else if (cp < 0x10000) {
            b = new byte[] {(byte) (0xE0 | (cp >> 12)), (byte) (0x80 | ((cp >> 6) & 0x3F)), (byte) (0x80 | (cp & 0x3F))};
        } else {
            b = new byte[] {(byte) (0xF0 | (cp >> 18)), (byte) (0x80 | ((cp >> 12) & 0x3F)), (byte) (0x80 | ((cp >> 6) & 0x3F)),
                    (byte) (0x80 | (cp & 0x3F))};
        }
        for (byte x : b) sb.append('+').append(HexFormat.of().withUpperCase().toHexDigits(x));
    }

    private static String wtf8Decode(byte[] b) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < b.length) {
            int x = b[i] & 0xFF;
            int cp;
            int len;
            if (x < 0x80) {
                cp = x;
                len = 1;
            } else if (x >= 0xF0) {
                cp = x & 0x07;
                len = 4;
            } else if (x >= 0xE0) {
                cp = x & 0x0F;
                len = 3;
            } else if (x >= 0xC0) {
                cp = x & 0x1F;
                len = 2;
            } else {
                throw new IllegalArgumentException("bad UTF-8 in an encoded name");
            }
            if (i + len > b.length) throw new IllegalArgumentException("truncated UTF-8 in an encoded name");
            for (int k = 1; k < len; k++) cp = (cp << 6) | (b[i + k] & 0x3F);
            sb.appendCodePoint(cp);
            i += len;
        }
        return sb.toString();
    }

    /** SHA-256 of the label's code points (not String.getBytes, which maps every lone surrogate to '?'). */
    private static String sha256(String label) {
        try {
            StringBuilder sb = new StringBuilder();
            label.codePoints().forEach(cp -> escape(sb, cp));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
