package eres.core.chain;

import eres.api.DataException;
import eres.api.SpecException;
import eres.api.Suggestions;
import eres.api.data.Geography;
import eres.api.data.Panel;
import eres.core.io.DataSpec;
import eres.core.io.PanelJoin;
import eres.core.plugin.ExtensionRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code data: {sources: [...]}}: each source is loaded as a data block of its own (file or embedded
 * dataset, its reader options, reshape, variables, missing-value policy) and joined in order to the
 * sources before it ({@link PanelJoin}). The first source gives the panel's entity and period names.
 */
final class JoinedData {
    private JoinedData() {
    }

    static Dataset load(DataSpec spec, Path baseDir, ExtensionRegistry registry) {
        List<SpecException.Problem> problems = spec.sourcesProblems();
        if (!problems.isEmpty()) throw new SpecException(problems);
        Panel panel = null;
        List<String> notes = new ArrayList<>();
        List<PanelJoin.Report> joins = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        StringBuilder hashes = new StringBuilder();
        Map<String, String> varLabels = new LinkedHashMap<>();
        boolean synthetic = false;
        Geography geography = null;
        for (int i = 0; i < spec.sources().size(); i++) {
            String where = "data.sources[" + i + "]";
            DataSpec s = spec.source(i, !Datasets.isNamedDataset(spec.sources().get(i).source(), registry));
            Dataset d;
            try {
                d = Datasets.load(s, baseDir, registry);
            } catch (SpecException e) {
                List<SpecException.Problem> ps = new ArrayList<>();
                for (SpecException.Problem p : e.problems()) ps.add(new SpecException.Problem(prefixed(where, p.path()), p.message()));
                throw new SpecException(ps);
            } catch (DataException e) {
                throw new DataException(where + ": " + e.getMessage(), e);
            }
            String name = describe(s);
            names.add(name);
            labels.add(d.label());
            hashes.append(d.sha256()).append('\n');
            synthetic |= d.synthetic();
            d.labels().forEach(varLabels::putIfAbsent);
            for (String note : d.notes()) notes.add(where + " (" + name + "): " + note);
            if (geography == null && !d.geography().locations().isEmpty()) geography = d.geography();
            if (panel == null) {
                panel = d.panel();
                continue;
            }
            PanelJoin.Result r = PanelJoin.join(panel, d.panel(), where, name, s.timeInvariant(), s.join());
            panel = r.panel();
            joins.add(r.report());
            notes.add(where + ": " + r.report().summary());
        }
        String group = spec.group();
        if (group != null) {
            if (!panel.hasText(group)) {
                throw new DataException("data.group: no text column '" + group + "' in any source" + Suggestions.hint(group, panel.textColumns())
                        + "; text columns: " + panel.textColumns());
            }
            panel = panel.withGroup(group);
        }
        Geography g = Datasets.geographyFor(panel, registry);
        if (g.locations().isEmpty() && geography != null && geography.covers(panel.entities())) g = geography;
        return new Dataset(panel, g, String.join(" + ", names), Datasets.sha256(hashes.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                synthetic, label(labels), notes, joins, varLabels);
    }

    /** The sources' labels, each once: {@code a.xlsx (6 sources) + nbs}. */
    static String label(List<String> labels) {
        Map<String, Integer> count = new LinkedHashMap<>();
        for (String l : labels) count.merge(l, 1, Integer::sum);
        List<String> parts = new ArrayList<>();
        count.forEach((l, c) -> parts.add(c == 1 ? l : l + " (" + c + " sources)"));
        return String.join(" + ", parts);
    }

    private static String prefixed(String where, String path) {
        if (path == null || path.isEmpty()) return where;
        if (path.equals("data")) return where;
        if (path.startsWith("data.")) return where + path.substring(4);
        return where + "." + path;
    }

    /** The source as named in messages: the file (and sheet), or the dataset name. */
    static String describe(DataSpec s) {
        Object sheet = s.readerOptions().get("sheet");
        return s.source() + (sheet == null ? "" : " sheet '" + sheet + "'");
    }
}
