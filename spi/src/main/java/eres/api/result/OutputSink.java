package eres.api.result;

/**
 * Where a report writer puts its files: paths are relative to the run's output directory, made of
 * safe segments ({@link OutputNames}), so a writer cannot write anywhere else.
 */
public interface OutputSink {
    /**
     * Writes (or replaces) a file.
     *
     * @param relativePath e.g. {@code tables/baseline.md}
     * @throws eres.api.SpecException if the path is absolute, has {@code ..} or an unsafe segment
     */
    void write(String relativePath, byte[] content);

    default void writeString(String relativePath, String content) {
        write(relativePath, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
