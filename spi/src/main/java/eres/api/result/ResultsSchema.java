package eres.api.result;

/**
 * The versioned JSON Schema (draft 2020-12) of {@code results.json}: resource
 * {@value #RESOURCE} of the eres-api jar, identified by {@value #ID} (written as the file's
 * {@code schema} key). A change that removes or renames a key bumps the version.
 */
public final class ResultsSchema {
    /** The schema's {@code $id}, also the value of results.json's {@code schema} key. */
    public static final String ID = "urn:eres:results:1.0";
    /** Class-path resource of the schema. */
    public static final String RESOURCE = "/schema/results-1.0.schema.json";

    private ResultsSchema() {
    }
}
