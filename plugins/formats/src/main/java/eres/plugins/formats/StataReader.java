package eres.plugins.formats;

import eres.api.DataException;
import eres.api.DataReader;
import eres.api.Param;
import eres.api.SpecException;
import eres.api.data.RawTable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Stata {@code .dta} files, formats 113-119 (Stata 8 to 18, including {@code strL} long strings), read by
 * {@link StataFile} after Stata's published format description; no Stata or third-party library needed.
 *
 * <p>Numeric variables become numbers (byte/int/long exactly; float as the exact double value of the
 * float, which is what Stata and R {@code haven} compute with). Every missing value ({@code .} and
 * {@code .a}-{@code .z}) becomes missing. A numeric variable with a value label attached becomes its label
 * text where a label exists and the number otherwise (R {@code haven::as_factor(levels = "default")}), so
 * an encoded {@code province} variable loads as province names; {@code value-labels: codes} keeps the
 * numbers instead. Verified on files written by R haven 2.5.1 (formats 113-119) and pandas 1.5.3 (byte,
 * int, float, big-endian) in this module's tests.
 */
@Extension
public final class StataReader implements DataReader<StataReader.Options> {

    /** Options from the chain's {@code data:} block. */
    public record Options(
            @Param(value = "labelled numeric variables: 'strings' (their value-label text) or 'codes' (the numbers)",
                    defaultValue = "strings") String valueLabels,
            @Param(value = "code page of text in files older than format 118 (Stata 13 and earlier), e.g. GB18030",
                    defaultValue = "windows-1252") String encoding) {
        public Options {
            if (valueLabels == null) valueLabels = "strings";
            if (encoding == null) encoding = "windows-1252";
            if (!valueLabels.equals("strings") && !valueLabels.equals("codes")) {
                throw new SpecException("data.value-labels", "must be 'strings' or 'codes', got '" + valueLabels + "'");
            }
            try {
                Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                throw new SpecException("data.encoding", "unknown encoding '" + encoding + "'");
            }
        }
    }

    @Override
    public String id() {
        return "dta";
    }

    @Override
    public String description() {
        return "Stata .dta, formats 113-119 (Stata 8-18): value labels read as text, missing values mapped";
    }

    @Override
    public Class<Options> parameterType() {
        return Options.class;
    }

    @Override
    public Set<String> fileExtensions() {
        return Set.of("dta");
    }

    @Override
    public RawTable read(Path file, Options options) {
        Options o = options == null ? new Options(null, null) : options;
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return toTable(name, StataFile.parse(name, bytes, Charset.forName(o.encoding())), o.valueLabels().equals("strings"));
    }

    /** Stata's variable labels (non-empty ones), by variable name: the columns' default display labels. */
    @Override
    public java.util.Map<String, String> labels(Path file, Options options) {
        Options o = options == null ? new Options(null, null) : options;
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (StataFile.Variable v : StataFile.parse(name, bytes, Charset.forName(o.encoding())).variables()) {
            if (v.label() != null && !v.label().isBlank()) out.put(v.name(), v.label().strip());
        }
        return out;
    }

    /** The file's variables as text columns (one row per observation). */
    static RawTable toTable(String source, StataFile.Contents c, boolean labelsAsText) {
        List<StataFile.Variable> vars = c.variables();
        int k = vars.size();
        if (k == 0) throw new DataException(source + " has no variables");
        if (c.observations() == 0) throw new DataException(source + " has no observations");
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>(k);
        for (StataFile.Variable v : vars) {
            if (!seen.add(v.name())) throw new DataException(source + ": duplicate variable name '" + v.name() + "'");
            names.add(v.name());
        }
        List<String[]> rows = new ArrayList<>(c.observations());
        int[] obsNumbers = new int[c.observations()];
        for (int r = 0; r < c.observations(); r++) {
            rows.add(new String[k]);
            obsNumbers[r] = r + 1;
        }
        for (int j = 0; j < k; j++) {
            StataFile.Variable v = vars.get(j);
            if (c.strings()[j] != null) {
                String[] col = c.strings()[j];
                for (int r = 0; r < col.length; r++) rows.get(r)[j] = col[r];
                continue;
            }
            double[] col = c.numbers()[j];
            Map<Integer, String> labels = labelsAsText && !v.valueLabels().isEmpty() ? c.valueLabels().get(v.valueLabels()) : null;
            for (int r = 0; r < col.length; r++) {
                double x = col[r];
                String cell = CellText.of(x);
                if (labels != null && cell != null && x == Math.rint(x) && Math.abs(x) <= Integer.MAX_VALUE) {
                    String l = labels.get((int) x);
                    if (l != null) cell = l;
                }
                rows.get(r)[j] = cell;
            }
        }
        return new RawTable(source, names, rows, obsNumbers, "observation");
    }
}
