package eres.plugins.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import eres.api.table.DataTable;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;

/**
 * The file is written without Hadoop on the class path (as shipped) and its footer, read with
 * parquet-format's Thrift structures, has the schema, the row count and per column the null counts
 * and extreme values of the table. (Reading the values back with parquet-java's record reader needs
 * Hadoop; the Spark module's test reads the whole table back with Spark.)
 */
class ParquetTableWriterTest {

    static DataTable table() {
        return new DataTable("sweep", List.of(
                new DataTable.Column("spec", DataTable.Type.LONG, List.of(1L, 2L, 3L)),
                new DataTable.Column("index", DataTable.Type.TEXT, List.of("g1-sd", "熵值法", "critic")),
                new DataTable.Column("error", DataTable.Type.TEXT, Arrays.asList(null, null, "step 'fe' failed: singular")),
                new DataTable.Column("estimate", DataTable.Type.DOUBLE, Arrays.asList(0.08241532917456123, -1.0E-300, null)),
                new DataTable.Column("nobs", DataTable.Type.LONG, Arrays.asList(465L, null, 150L)),
                new DataTable.Column("converged", DataTable.Type.BOOLEAN, Arrays.asList(true, false, null))));
    }

    @Test
    void writesWithoutHadoopAFileWhoseFooterDescribesTheTable() throws Exception {
        byte[] b = ParquetTableWriter.bytes(table());
        assertThat(new String(b, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(new String(b, b.length - 4, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        int footer = ByteBuffer.wrap(b, b.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(b, b.length - 8 - footer, footer));
        assertThat(meta.getNum_rows()).isEqualTo(3);
        assertThat(meta.getSchema().stream().map(SchemaElement::getName).toList())
                .containsExactly("sweep", "spec", "index", "error", "estimate", "nobs", "converged");
        assertThat(meta.getRow_groups()).hasSize(1);
        List<ColumnChunk> cols = meta.getRow_groups().get(0).getColumns();
        assertThat(cols.stream().map(c -> c.getMeta_data().getStatistics().getNull_count()).toList()).containsExactly(0L, 0L, 2L, 1L, 1L, 1L);
        ByteBuffer min = ByteBuffer.wrap(cols.get(0).getMeta_data().getStatistics().getMin_value()).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer max = ByteBuffer.wrap(cols.get(0).getMeta_data().getStatistics().getMax_value()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(min.getLong()).isEqualTo(1L);
        assertThat(max.getLong()).isEqualTo(3L);
        ByteBuffer dmax = ByteBuffer.wrap(cols.get(3).getMeta_data().getStatistics().getMax_value()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(dmax.getDouble()).isEqualTo(0.08241532917456123);
        assertThat(new String(cols.get(1).getMeta_data().getStatistics().getMax_value(), StandardCharsets.UTF_8)).isEqualTo("熵值法");
    }

    @Test
    void noHadoopClassIsLoaded() {
        ParquetTableWriter.bytes(table());
        assertThat(getClass().getClassLoader().getResource("org/apache/hadoop/conf/Configuration.class")).isNull();
    }
}
