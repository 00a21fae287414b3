package eres.api;

import eres.api.result.OutputSink;
import eres.api.result.Report;

/**
 * Renders a run's report (tables and figures of every step) in one format. Writers receive an
 * {@link OutputSink} confined to the run's output directory.
 *
 * @param <P> writer options, bound from {@code report: {options: {<id>: ...}}}
 */
public interface ReportWriter<P> extends Extension<P> {
    void write(Report report, P options, OutputSink sink);

    @Override
    default ExtensionKind kind() {
        return ExtensionKind.WRITER;
    }
}
