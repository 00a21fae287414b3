package eres.plugins.formats;

import eres.api.NoParameters;
import eres.core.testing.Golden;
import eres.core.testing.TableShapes;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LaTeX, Word, CSV and JSON: one golden file per table shape (eres.core.testing.TableShapes), byte for byte
 * (plugins/formats/src/test/resources/golden/tables). For Word the golden file is the document part
 * {@code word/document.xml} of the table's .docx (the zip around it is checked to be reproducible by the
 * writer's own tests); {@code -Deres.golden.update=true} rewrites them.
 */
class GoldenWritersTest {
    static List<String> shapes() {
        return TableShapes.names();
    }

    private static Map<String, byte[]> write(eres.api.ReportWriter<?> w, Object options, String shape) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        eres.api.ReportWriter<Object> writer = (eres.api.ReportWriter<Object>) w;
        writer.write(TableShapes.report(shape.equals("chinese")), options, files::put);
        return files;
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void latex(String shape) throws Exception {
        Golden.check("tables", shape + ".tex", write(new LatexWriter(), new NoParameters(), shape).get("tables/combined-" + shape + ".tex"));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void csv(String shape) throws Exception {
        Golden.check("tables", shape + ".csv", write(new CsvTableWriter(), new CsvTableWriter.Options(true), shape)
                .get("tables/combined-" + shape + ".csv"));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void json(String shape) throws Exception {
        Golden.check("tables", shape + ".json", write(new JsonTableWriter(), new NoParameters(), shape).get("tables/combined-" + shape + ".json"));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void docx(String shape) throws Exception {
        byte[] docx = write(new DocxWriter(), new DocxWriter.Options(null, null, null), shape).get("tables/combined-" + shape + ".docx");
        Golden.check("tables", shape + ".docx.xml", part(docx, "word/document.xml"));
    }

    /** The English shapes' table files compile with pdflatex inside a paper, without overfull boxes. */
    @org.junit.jupiter.api.Test
    void latexShapesCompile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String pdflatex = WritersTest.onPath("pdflatex");
        WritersTest.skipUnless(pdflatex != null,
                "pdflatex is not installed (Debian texlive-latex-recommended; .ci/run installs it): LaTeX compile check skipped");
        StringBuilder paper = new StringBuilder("\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n"
                + "\\usepackage{lmodern}\n\\usepackage{booktabs}\n\\begin{document}\n");
        for (String shape : List.of("esttab", "panels", "plain")) {
            java.nio.file.Files.write(dir.resolve(shape + ".tex"), write(new LatexWriter(), new NoParameters(), shape)
                    .get("tables/combined-" + shape + ".tex"));
            paper.append("\\input{").append(shape).append(".tex}\n");
        }
        java.nio.file.Files.writeString(dir.resolve("paper.tex"), paper.append("\\end{document}\n").toString());
        WritersTest.Run r = WritersTest.run(dir, 180, pdflatex, "-interaction=nonstopmode", "-halt-on-error", "paper.tex");
        org.assertj.core.api.Assertions.assertThat(r.exit()).as(r.tail()).isZero();
        org.assertj.core.api.Assertions.assertThat(r.output()).as("no overfull boxes").doesNotContain("Overfull \\hbox");
        String text = WritersTest.pdfText(dir.resolve("paper.pdf"));
        if (text != null) {
            org.assertj.core.api.Assertions.assertThat(text).contains("0.0000826", "(0.0000043)", "Breusch-Pagan", "Panel B: double threshold",
                    "Threshold", "SYNTHETIC DATA");
        }
    }

    static byte[] part(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) if (e.getName().equals(name)) return in.readAllBytes();
        }
        throw new AssertionError("no " + name);
    }
}
