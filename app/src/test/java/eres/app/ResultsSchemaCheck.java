package eres.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import eres.api.result.ResultsSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

/** Validates a results.json against the versioned schema shipped in the distribution's eres-api jar. */
final class ResultsSchemaCheck {
    private ResultsSchemaCheck() {
    }

    static void assertValid(Path resultsJson) throws IOException {
        ObjectMapper m = new ObjectMapper();
        JsonNode schemaNode;
        // the schema as shipped: from the distribution's eres-api jar
        Path jar = Path.of(System.getProperty("eres.api.jar", "target/eres/lib/eres-api-0.1.0.jar"));
        try (ZipFile z = new ZipFile(jar.toFile()); InputStream in = z.getInputStream(z.getEntry(ResultsSchema.RESOURCE.substring(1)))) {
            schemaNode = m.readTree(in);
        }
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaNode);
        JsonNode doc = m.readTree(Files.readString(resultsJson));
        assertThat(doc.get("schema").asText()).isEqualTo(ResultsSchema.ID);
        List<Error> errors = schema.validate(doc);
        assertThat(errors).as("results.json against " + ResultsSchema.ID).isEmpty();
    }
}
