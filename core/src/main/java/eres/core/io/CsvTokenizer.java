package eres.core.io;

import eres.api.DataException;
import eres.api.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A streaming RFC 4180 tokenizer over bytes: it hands each record to a {@link Sink} as field offsets
 * into its buffer, so no string is made for a cell unless the consumer wants one. Fields are
 * separated by a one-byte delimiter; a field that starts with {@code "} is quoted ({@code ""} is a
 * quote, delimiters and line breaks inside are data); a quote inside an unquoted field is an ordinary
 * character. Lines end with LF, CRLF or CR; blank lines are skipped; an initial UTF-8 byte-order mark
 * is skipped. The bytes must be ASCII-compatible (UTF-8, GB18030, ...): delimiter, quote and line
 * breaks never occur inside a multi-byte character of such encodings.
 *
 * <p>With {@code validateUtf8}, invalid UTF-8 anywhere in the input is an error naming the line.
 */
final class CsvTokenizer {
    /** Receives records; field {@code f} is {@code buf[start[f] .. end[f])}. */
    interface Sink {
        /**
         * @param escaped {@code escaped[f]} is true when field f is quoted and contains {@code ""}
         *                (see {@link #unescape})
         * @param line    the line on which the record starts (1-based)
         */
        void record(byte[] buf, int[] start, int[] end, boolean[] escaped, int fields, int line);
    }

    private static final int INITIAL_BUFFER = 1 << 20;
    private static final int MAX_RECORD = 1 << 28;

    private final InputStream in;
    private final String source;
    private final byte delimiter;
    private final boolean validateUtf8;
    private byte[] buf = new byte[INITIAL_BUFFER];
    private int limit;
    private boolean eof;
    private int[] start = new int[64];
    private int[] end = new int[64];
    private boolean[] escaped = new boolean[64];
    private long bytesRead;

    CsvTokenizer(InputStream in, String source, char delimiter, boolean validateUtf8) {
        if (delimiter > 0x7f || delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("delimiter must be an ASCII character other than a quote or line break");
        }
        this.in = in;
        this.source = source;
        this.delimiter = (byte) delimiter;
        this.validateUtf8 = validateUtf8;
    }

    /** Bytes consumed from the stream so far. */
    long bytesRead() {
        return bytesRead;
    }

    /** Reads every record; returns the number of records (header included) handed to the sink. */
    long run(Sink sink) {
        int pos = 0;
        int line = 1;
        long records = 0;
        fill(0);
        if (limit >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) pos = 3;
        while (true) {
            if (pos >= limit) {
                if (eof) break;
                pos = compactAndFill(pos);
                if (pos >= limit && eof) break;
            }
            int r = parseRecord(pos, line);
            if (r < 0) { // ran out of buffer inside the record: refill and parse it again
                if (eof) throw new DataException(source + " line " + line + ": unterminated quoted field");
                pos = compactAndFill(pos);
                continue;
            }
            int fields = parsedFields;
            int next = r;
            int lines = parsedLines;
            boolean blank = fields == 1 && !quotedFirst && isBlank(buf, start[0], end[0]);
            if (!blank) {
                if (validateUtf8) validate(pos, next, line);
                records++;
                if (records > (long) Limits.MAX_ROWS + 1) {
                    throw new DataException(source + " has more than " + Limits.MAX_ROWS + " rows, the limit");
                }
                sink.record(buf, start, end, escaped, fields, line);
            }
            line += lines;
            pos = next;
        }
        return records;
    }

    private int parsedFields;
    private int parsedLines;
    private boolean quotedFirst;

    /**
     * Parses one record starting at {@code pos}; returns the position after its line break (or at
     * the end of input), or -1 when the buffer ends inside the record and more input may follow.
     */
    private int parseRecord(int pos, int line) {
        int f = 0;
        int lines = 0;
        int p = pos;
        byte d = delimiter;
        quotedFirst = false;
        while (true) {
            if (f == start.length) {
                start = Arrays.copyOf(start, f * 2);
                end = Arrays.copyOf(end, f * 2);
                escaped = Arrays.copyOf(escaped, f * 2);
            }
            if (p < limit && buf[p] == '"') {
                if (f == 0) quotedFirst = true;
                int q = p + 1;
                boolean esc = false;
                while (true) {
                    if (q >= limit) return eof ? fail("unterminated quoted field", line) : -1;
                    byte b = buf[q];
                    if (b == '"') {
                        if (q + 1 >= limit && !eof) return -1;
                        if (q + 1 < limit && buf[q + 1] == '"') {
                            esc = true;
                            q += 2;
                            continue;
                        }
                        break;
                    }
                    if (b == '\n') lines++;
                    else if (b == '\r' && !(q + 1 < limit && buf[q + 1] == '\n')) {
                        if (q + 1 >= limit && !eof) return -1;
                        lines++;
                    }
                    q++;
                }
                start[f] = p + 1;
                end[f] = q;
                escaped[f] = esc;
                f++;
                p = q + 1;
                if (p >= limit) {
                    if (!eof) return -1;
                    parsedFields = f;
                    parsedLines = lines + 1;
                    return p;
                }
                byte b = buf[p];
                if (b == d) {
                    p++;
                    continue;
                }
                if (b == '\n' || b == '\r') return endOfLine(p, f, lines);
                return fail("text after a closing quote", line);
            }
            int s = p;
            while (p < limit) {
                byte b = buf[p];
                if (b == d || b == '\n' || b == '\r') break;
                p++;
            }
            if (p >= limit && !eof) return -1;
            start[f] = s;
            end[f] = p;
            escaped[f] = false;
            f++;
            if (p >= limit) {
                parsedFields = f;
                parsedLines = lines + 1;
                return p;
            }
            if (buf[p] == d) {
                p++;
                continue;
            }
            return endOfLine(p, f, lines);
        }
    }

    private int endOfLine(int p, int f, int lines) {
        if (buf[p] == '\r') {
            if (p + 1 >= limit && !eof) return -1;
            if (p + 1 < limit && buf[p + 1] == '\n') p++;
        }
        parsedFields = f;
        parsedLines = lines + 1;
        return p + 1;
    }

    private int fail(String what, int recordLine) {
        throw new DataException(source + " line " + recordLine + ": " + what);
    }

    private static boolean isBlank(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) if (b[i] != ' ' && b[i] != '\t') return false;
        return true;
    }

    /** Moves the unread bytes from {@code pos} to the buffer start and reads more; returns the new position (0). */
    private int compactAndFill(int pos) {
        int keep = limit - pos;
        System.arraycopy(buf, pos, buf, 0, keep);
        limit = keep;
        if (limit == buf.length) grow();
        fill(limit);
        return 0;
    }

    private void grow() {
        if (buf.length >= MAX_RECORD) throw new DataException(source + ": a record is longer than " + (MAX_RECORD >> 20) + " MB");
        buf = Arrays.copyOf(buf, buf.length * 2);
    }

    private void fill(int from) {
        limit = from;
        try {
            while (limit < buf.length && !eof) {
                int r = in.read(buf, limit, buf.length - limit);
                if (r < 0) eof = true;
                else {
                    limit += r;
                    bytesRead += r;
                }
            }
        } catch (IOException e) {
            throw new DataException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** Strict UTF-8 check (as the JDK decoder with REPORT: no overlong forms, no surrogates). */
    private void validate(int from, int to, int line) {
        int i = from;
        while (i < to) {
            int b = buf[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int need;
            int lo = 0x80;
            int hi = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) need = 1;
            else if (b == 0xE0) {
                need = 2;
                lo = 0xA0;
            } else if (b >= 0xE1 && b <= 0xEC || b == 0xEE || b == 0xEF) need = 2;
            else if (b == 0xED) {
                need = 2;
                hi = 0x9F;
            } else if (b == 0xF0) {
                need = 3;
                lo = 0x90;
            } else if (b >= 0xF1 && b <= 0xF3) need = 3;
            else if (b == 0xF4) {
                need = 3;
                hi = 0x8F;
            } else throw notUtf8();
            if (i + need >= to) throw notUtf8();
            int c1 = buf[i + 1] & 0xff;
            if (c1 < lo || c1 > hi) throw notUtf8();
            for (int k = 2; k <= need; k++) {
                int c = buf[i + k] & 0xff;
                if (c < 0x80 || c > 0xBF) throw notUtf8();
            }
            i += need + 1;
        }
    }

    private DataException notUtf8() {
        return new DataException(source + " is not valid UTF-8 text (set data.encoding, e.g. GB18030)");
    }

    /** The text of a quoted field with {@code ""} turned into {@code "}. */
    static byte[] unescape(byte[] buf, int s, int e) {
        byte[] out = new byte[e - s];
        int w = 0;
        for (int i = s; i < e; i++) {
            out[w++] = buf[i];
            if (buf[i] == '"' && i + 1 < e && buf[i + 1] == '"') i++;
        }
        return Arrays.copyOf(out, w);
    }
}
