package eres.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * The JSON writer for {@code results.json} and {@code run.json}: indented, insertion-ordered, and
 * non-finite numbers (NaN, infinities) written as {@code null} so the output is valid JSON.
 */
public final class Json {
    private static final ObjectMapper MAPPER = build();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper build() {
        SimpleModule m = new SimpleModule("eres-nonfinite");
        m.addSerializer(Double.class, new NonFinite());
        m.addSerializer(double.class, new NonFinite());
        return JsonMapper.builder()
                .addModule(m)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    private static final class NonFinite extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        NonFinite() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == null || !Double.isFinite(value)) gen.writeNull();
            else gen.writeNumber(value);
        }
    }
}
