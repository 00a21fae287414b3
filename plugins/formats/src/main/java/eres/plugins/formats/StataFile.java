package eres.plugins.formats;

import eres.api.DataException;
import eres.api.Limits;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Stata {@code .dta} file in formats 113 to 119 (Stata 8 to 18), read after Stata's published format
 * descriptions ({@code help dta} in Stata; "Description of .dta file format" for releases 113/114/115 and
 * 117/118/119).
 *
 * <p>Two layouts exist. Formats 113-115 are a fixed binary header (release, byte order, K variables,
 * N observations, data label, time stamp) followed by the descriptors (type list, names, sort list,
 * display formats, value-label names, variable labels), expansion fields, the data and the value-label
 * tables. Formats 117-119 wrap the same parts in tags ({@code <stata_dta><header>...}) and add long
 * strings ({@code strL}) stored once in a {@code <strls>} block and referenced from the data by
 * {@code (v, o)} pairs. The widths differ by release:
 *
 * <pre>
 *                 113    114/115  117     118     119
 *   K (nvar)      int16  int16    uint16  uint16  uint32
 *   N (nobs)      int32  int32    uint32  uint64  uint64
 *   name          33     33       33      129     129
 *   format        12     49       49      57      57
 *   variable lbl  81     81       81      321     321
 *   strL (v,o)    -      -        4+4     2+6     3+5    bytes in a data cell
 *   text          legacy code page          UTF-8
 * </pre>
 *
 * <p>Numeric types are byte (int8), int (int16), long (int32), float and double; Stata's missing values
 * ({@code .} and {@code .a}-{@code .z}) are the top of each type's range: byte &gt; 100, int &gt; 32,740,
 * long &gt; 2,147,483,620, float &ge; 2^127, double &ge; 2^1023. They all become missing (the letter of an
 * extended missing value is not kept). String cells end at the first NUL byte.
 */
final class StataFile {
    /** One variable: its name, Stata type code (normalised, see {@link Type}), width, label and value-label name. */
    record Variable(String name, Type type, int width, String label, String format, String valueLabels) {
    }

    /** Storage types. {@code STR} has a width; the others have a fixed size. */
    enum Type {
        BYTE(1), INT(2), LONG(4), FLOAT(4), DOUBLE(8), STR(0), STRL(8);

        final int size;

        Type(int size) {
            this.size = size;
        }
    }

    /**
     * The decoded file. {@code numbers[j]} holds variable {@code j}'s values (NaN = missing) for numeric
     * variables, {@code strings[j]} its text (null = missing) for string variables.
     */
    record Contents(int release, String dataLabel, List<Variable> variables, int observations, double[][] numbers,
                    String[][] strings, Map<String, Map<Integer, String>> valueLabels) {
    }

    private final String source;
    private final ByteBuffer buf;
    private final Charset legacy;
    private int release;
    private Charset text;

    private StataFile(String source, byte[] bytes, Charset legacy) {
        this.source = source;
        this.buf = ByteBuffer.wrap(bytes);
        this.legacy = legacy;
    }

    /**
     * Parses a .dta file.
     *
     * @param legacy code page of text in files older than format 118 (Stata 13 and earlier wrote the
     *               operating system's code page; format 118 onwards is UTF-8)
     * @throws DataException naming the file and what is wrong with it
     */
    static Contents parse(String source, byte[] bytes, Charset legacy) {
        StataFile f = new StataFile(source, bytes, legacy);
        try {
            if (bytes.length >= 11 && new String(bytes, 0, 11, StandardCharsets.US_ASCII).equals("<stata_dta>")) {
                return f.tagged();
            }
            return f.classic();
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new DataException(source + ": the file ends early (truncated or not a Stata .dta file)");
        }
    }

    // ---------------------------------------------------------------- formats 113, 114, 115

    private Contents classic() {
        if (buf.remaining() < 4) throw notDta();
        release = buf.get() & 0xff;
        if (release != 113 && release != 114 && release != 115) {
            if (release >= 102 && release <= 112) {
                throw new DataException(source + ": Stata format " + release + " (Stata 7 or older) is not supported; "
                        + "save it again with Stata 8 or later, or convert it (e.g. R haven::write_dta)");
            }
            throw notDta();
        }
        int order = buf.get();
        if (order == 1) buf.order(ByteOrder.BIG_ENDIAN);
        else if (order == 2) buf.order(ByteOrder.LITTLE_ENDIAN);
        else throw new DataException(source + ": invalid byte-order flag " + order + " in the header");
        buf.get(); // filetype, always 1
        buf.get(); // unused
        text = legacy;
        int k = Short.toUnsignedInt(buf.getShort());
        long n = Integer.toUnsignedLong(buf.getInt());
        String label = fixedText(81);
        skip(18); // time stamp
        int[] typeCodes = new int[k];
        for (int j = 0; j < k; j++) typeCodes[j] = buf.get() & 0xff;
        String[] names = texts(k, 33);
        skip(2 * (k + 1)); // sort list
        String[] formats = texts(k, release == 113 ? 12 : 49);
        String[] valueLabelNames = texts(k, 33);
        String[] labels = texts(k, 81);
        // expansion fields: (type byte, int32 length, contents) until type 0 and length 0
        while (true) {
            int type = buf.get();
            int len = buf.getInt();
            if (type == 0 && len == 0) break;
            if (len < 0) throw corrupt("expansion field of negative length");
            skip(len);
        }
        List<Variable> vars = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            int c = typeCodes[j];
            Variable v;
            if (c >= 1 && c <= 244) v = new Variable(names[j], Type.STR, c, labels[j], formats[j], valueLabelNames[j]);
            else v = new Variable(names[j], switch (c) {
                case 251 -> Type.BYTE;
                case 252 -> Type.INT;
                case 253 -> Type.LONG;
                case 254 -> Type.FLOAT;
                case 255 -> Type.DOUBLE;
                default -> throw corrupt("variable '" + names[j] + "' has unknown type code " + c);
            }, 0, labels[j], formats[j], valueLabelNames[j]);
            vars.add(v);
        }
        int obs = checkObservations(n);
        double[][] numbers = new double[k][];
        String[][] strings = new String[k][];
        data(vars, obs, numbers, strings, Map.of());
        Map<String, Map<Integer, String>> valueLabels = new LinkedHashMap<>();
        while (buf.remaining() > 0) {
            if (buf.remaining() < 4 + 33 + 3) break; // trailing padding some writers leave
            int len = buf.getInt();
            String name = fixedText(33);
            skip(3);
            valueLabels.put(name, labelTable(name, len));
        }
        return new Contents(release, label, vars, obs, numbers, strings, valueLabels);
    }

    // ---------------------------------------------------------------- formats 117, 118, 119

    private Contents tagged() {
        expect("<stata_dta>");
        expect("<header>");
        expect("<release>");
        String rel = ascii(3);
        expect("</release>");
        try {
            release = Integer.parseInt(rel);
        } catch (NumberFormatException e) {
            throw corrupt("release '" + rel + "' is not a number");
        }
        if (release != 117 && release != 118 && release != 119) {
            throw new DataException(source + ": Stata format " + release + " is not supported (formats 113-119 are)");
        }
        expect("<byteorder>");
        String order = ascii(3);
        expect("</byteorder>");
        if (order.equals("MSF")) buf.order(ByteOrder.BIG_ENDIAN);
        else if (order.equals("LSF")) buf.order(ByteOrder.LITTLE_ENDIAN);
        else throw corrupt("byte order '" + order + "' is neither MSF nor LSF");
        text = release >= 118 ? StandardCharsets.UTF_8 : legacy;
        expect("<K>");
        long kk = release == 119 ? Integer.toUnsignedLong(buf.getInt()) : Short.toUnsignedInt(buf.getShort());
        expect("</K>");
        expect("<N>");
        long n = release == 117 ? Integer.toUnsignedLong(buf.getInt()) : buf.getLong();
        expect("</N>");
        expect("<label>");
        int labelLen = release == 117 ? buf.get() & 0xff : Short.toUnsignedInt(buf.getShort());
        String label = fixedText(labelLen);
        expect("</label>");
        expect("<timestamp>");
        skip(buf.get() & 0xff);
        expect("</timestamp>");
        expect("</header>");
        expect("<map>");
        skip(14 * 8);
        expect("</map>");
        if (kk > 1_000_000) throw corrupt("implausible number of variables " + kk);
        int k = (int) kk;
        int nameLen = release == 117 ? 33 : 129;
        expect("<variable_types>");
        int[] typeCodes = new int[k];
        for (int j = 0; j < k; j++) typeCodes[j] = Short.toUnsignedInt(buf.getShort());
        expect("</variable_types>");
        expect("<varnames>");
        String[] names = texts(k, nameLen);
        expect("</varnames>");
        expect("<sortlist>");
        skip((long) (k + 1) * (release == 119 ? 4 : 2));
        expect("</sortlist>");
        expect("<formats>");
        String[] formats = texts(k, release == 117 ? 49 : 57);
        expect("</formats>");
        expect("<value_label_names>");
        String[] valueLabelNames = texts(k, nameLen);
        expect("</value_label_names>");
        expect("<variable_labels>");
        String[] labels = texts(k, release == 117 ? 81 : 321);
        expect("</variable_labels>");
        expect("<characteristics>");
        while (peek("<ch>")) {
            expect("<ch>");
            long len = Integer.toUnsignedLong(buf.getInt());
            skip(len);
            expect("</ch>");
        }
        expect("</characteristics>");
        List<Variable> vars = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            int c = typeCodes[j];
            Variable v;
            if (c >= 1 && c <= 2045) v = new Variable(names[j], Type.STR, c, labels[j], formats[j], valueLabelNames[j]);
            else v = new Variable(names[j], switch (c) {
                case 32768 -> Type.STRL;
                case 65530 -> Type.BYTE;
                case 65529 -> Type.INT;
                case 65528 -> Type.LONG;
                case 65527 -> Type.FLOAT;
                case 65526 -> Type.DOUBLE;
                default -> throw corrupt("variable '" + names[j] + "' has unknown type code " + c);
            }, 0, labels[j], formats[j], valueLabelNames[j]);
            vars.add(v);
        }
        int obs = checkObservations(n);
        double[][] numbers = new double[k][];
        String[][] strings = new String[k][];
        // strL cells refer to the <strls> block after the data: remember the references, resolve later
        Map<Integer, long[]> strlRefs = new HashMap<>();
        expect("<data>");
        data(vars, obs, numbers, strings, strlRefs);
        expect("</data>");
        expect("<strls>");
        Map<String, String> gso = new HashMap<>();
        while (peek("GSO")) {
            expect("GSO");
            long v = Integer.toUnsignedLong(buf.getInt());
            long o = release == 117 ? Integer.toUnsignedLong(buf.getInt()) : buf.getLong();
            int t = buf.get() & 0xff;
            long len = Integer.toUnsignedLong(buf.getInt());
            if (len > buf.remaining()) throw corrupt("strL of " + len + " bytes runs past the end of the file");
            byte[] b = new byte[(int) len];
            buf.get(b);
            int end = b.length;
            if (t == 130 && end > 0 && b[end - 1] == 0) end--; // text strLs carry a trailing NUL
            gso.put(v + ":" + o, new String(b, 0, end, text));
        }
        expect("</strls>");
        resolveStrls(vars, obs, strings, strlRefs, gso);
        expect("<value_labels>");
        Map<String, Map<Integer, String>> valueLabels = new LinkedHashMap<>();
        while (peek("<lbl>")) {
            expect("<lbl>");
            int len = buf.getInt();
            String name = fixedText(nameLen);
            skip(3);
            valueLabels.put(name, labelTable(name, len));
            expect("</lbl>");
        }
        expect("</value_labels>");
        expect("</stata_dta>");
        return new Contents(release, label, vars, obs, numbers, strings, valueLabels);
    }

    // ---------------------------------------------------------------- shared parts

    private int checkObservations(long n) {
        if (n < 0 || n > Limits.MAX_ROWS) {
            throw new DataException(source + " has " + Long.toUnsignedString(n) + " observations, above the limit of " + Limits.MAX_ROWS);
        }
        return (int) n;
    }

    /** Reads {@code obs} records of the variables into the column arrays. */
    private void data(List<Variable> vars, int obs, double[][] numbers, String[][] strings, Map<Integer, long[]> strlRefs) {
        int k = vars.size();
        long recordBytes = 0;
        for (Variable v : vars) recordBytes += v.type() == Type.STR ? v.width() : v.type().size;
        if (recordBytes * obs > buf.remaining()) {
            throw new DataException(source + ": the data section needs " + recordBytes * obs + " bytes but the file has "
                    + buf.remaining() + " left (truncated file?)");
        }
        for (int j = 0; j < k; j++) {
            Variable v = vars.get(j);
            switch (v.type()) {
                case STR -> strings[j] = new String[obs];
                case STRL -> {
                    strings[j] = new String[obs];
                    strlRefs.put(j, new long[obs]);
                }
                default -> numbers[j] = new double[obs];
            }
        }
        byte[] strBuf = new byte[2045];
        for (int r = 0; r < obs; r++) {
            for (int j = 0; j < k; j++) {
                Variable v = vars.get(j);
                switch (v.type()) {
                    case BYTE -> {
                        byte b = buf.get();
                        numbers[j][r] = b > 100 ? Double.NaN : b;
                    }
                    case INT -> {
                        short s = buf.getShort();
                        numbers[j][r] = s > 32_740 ? Double.NaN : s;
                    }
                    case LONG -> {
                        int i = buf.getInt();
                        numbers[j][r] = i > 2_147_483_620 ? Double.NaN : i;
                    }
                    case FLOAT -> {
                        float f = buf.getFloat();
                        // the exact double value of the float: what Stata (and R haven) compute with
                        numbers[j][r] = Float.isNaN(f) || f >= 0x1p127f || Float.isInfinite(f) ? Double.NaN : (double) f;
                    }
                    case DOUBLE -> {
                        double d = buf.getDouble();
                        numbers[j][r] = Double.isNaN(d) || d >= 0x1p1023 || Double.isInfinite(d) ? Double.NaN : d;
                    }
                    case STR -> {
                        buf.get(strBuf, 0, v.width());
                        int end = 0;
                        while (end < v.width() && strBuf[end] != 0) end++;
                        strings[j][r] = end == 0 ? null : new String(strBuf, 0, end, text);
                    }
                    case STRL -> strlRefs.get(j)[r] = buf.getLong(); // the 8 bytes as read; split into (v, o) later
                    default -> throw new IllegalStateException();
                }
            }
        }
    }

    /**
     * Fills strL cells from the GSO table. A data cell holds (v, o) in 8 bytes: 4+4 (format 117), 2+6
     * (118) or 3+5 (119), in the file's byte order. ReadStat (R haven 2.5.1) writes format 119 with the 118
     * split; a 119 file whose references do not resolve with 3+5 but all resolve with 2+6 is read that way.
     */
    private void resolveStrls(List<Variable> vars, int obs, String[][] strings, Map<Integer, long[]> strlRefs,
                              Map<String, String> gso) {
        int vBytes = switch (release) {
            case 117 -> 4;
            case 118 -> 2;
            default -> 3;
        };
        if (release == 119 && !allResolve(strlRefs, gso, 3) && allResolve(strlRefs, gso, 2)) vBytes = 2;
        for (Map.Entry<Integer, long[]> e : strlRefs.entrySet()) {
            int j = e.getKey();
            long[] refs = e.getValue();
            String[] col = strings[j];
            for (int r = 0; r < obs; r++) {
                long[] vo = split(refs[r], vBytes);
                if (vo[0] == 0 && vo[1] == 0) {
                    col[r] = null;
                    continue;
                }
                String s = gso.get(vo[0] + ":" + vo[1]);
                if (s == null) {
                    throw corrupt("strL (" + vo[0] + ", " + vo[1] + ") of variable '" + vars.get(j).name() + "' in observation "
                            + (r + 1) + " is not in the file");
                }
                col[r] = s.isEmpty() ? null : s;
            }
        }
    }

    private boolean allResolve(Map<Integer, long[]> strlRefs, Map<String, String> gso, int vBytes) {
        for (long[] refs : strlRefs.values()) {
            for (long raw : refs) {
                long[] vo = split(raw, vBytes);
                if ((vo[0] != 0 || vo[1] != 0) && !gso.containsKey(vo[0] + ":" + vo[1])) return false;
            }
        }
        return true;
    }

    /** (v, o) from the 8 bytes of a strL cell, read with {@link ByteBuffer#getLong()} in the file's order. */
    private long[] split(long raw, int vBytes) {
        int oBytes = 8 - vBytes;
        if (buf.order() == ByteOrder.LITTLE_ENDIAN) {
            // the first vBytes bytes in the file are the low bytes of the long
            return new long[] {raw & ((1L << (8 * vBytes)) - 1), raw >>> (8 * vBytes)};
        }
        return new long[] {raw >>> (8 * oBytes), raw & ((1L << (8 * oBytes)) - 1)};
    }

    /** A value-label table of {@code len} bytes: n, txtlen, off[n], val[n], txt. */
    private Map<Integer, String> labelTable(String name, int len) {
        if (len < 8 || len > buf.remaining()) throw corrupt("value label '" + name + "' has an invalid length " + len);
        int start = buf.position();
        int n = buf.getInt();
        int txtLen = buf.getInt();
        if (n < 0 || txtLen < 0 || 8L + 8L * n + txtLen > len) throw corrupt("value label '" + name + "' is inconsistent");
        int[] off = new int[n];
        int[] val = new int[n];
        for (int i = 0; i < n; i++) off[i] = buf.getInt();
        for (int i = 0; i < n; i++) val[i] = buf.getInt();
        byte[] txt = new byte[txtLen];
        buf.get(txt);
        Map<Integer, String> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            int o = off[i];
            if (o < 0 || o >= txtLen) throw corrupt("value label '" + name + "' points outside its text");
            int end = o;
            while (end < txtLen && txt[end] != 0) end++;
            m.put(val[i], new String(txt, o, end - o, text));
        }
        buf.position(start + len);
        return m;
    }

    private String[] texts(int k, int width) {
        String[] out = new String[k];
        for (int j = 0; j < k; j++) out[j] = fixedText(width);
        return out;
    }

    /** {@code width} bytes holding NUL-terminated text. */
    private String fixedText(int width) {
        byte[] b = new byte[width];
        buf.get(b);
        int end = 0;
        while (end < width && b[end] != 0) end++;
        return new String(b, 0, end, text);
    }

    private String ascii(int len) {
        byte[] b = new byte[len];
        buf.get(b);
        return new String(b, StandardCharsets.US_ASCII);
    }

    private boolean peek(String tag) {
        if (buf.remaining() < tag.length()) return false;
        for (int i = 0; i < tag.length(); i++) if (buf.get(buf.position() + i) != tag.charAt(i)) return false;
        return true;
    }

    private void expect(String tag) {
        if (!peek(tag)) {
            throw corrupt("expected " + tag + " at byte " + buf.position());
        }
        buf.position(buf.position() + tag.length());
    }

    private void skip(long n) {
        if (n < 0 || n > buf.remaining()) throw corrupt("a section runs past the end of the file");
        buf.position(buf.position() + (int) n);
    }

    private DataException notDta() {
        return new DataException(source + " is not a Stata .dta file (formats 113-119 are read)");
    }

    private DataException corrupt(String what) {
        return new DataException(source + ": damaged Stata file (format " + release + "): " + what);
    }
}
