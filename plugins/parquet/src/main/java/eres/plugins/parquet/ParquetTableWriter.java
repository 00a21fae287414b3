package eres.plugins.parquet;

import eres.api.EresException;
import eres.api.NoParameters;
import eres.api.TableWriter;
import eres.api.result.OutputSink;
import eres.api.table.DataTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.pf4j.Extension;

/**
 * Writes a {@link DataTable} as one Apache Parquet file (format 1.0 pages, one row group, no
 * compression): {@code LONG} as INT64, {@code DOUBLE} as DOUBLE, {@code TEXT} as a UTF-8 string,
 * {@code BOOLEAN} as BOOLEAN, every column optional ({@code null} is a missing value). Read back with
 * pandas/pyarrow, R arrow, DuckDB or Spark.
 *
 * <p>parquet-java's writer runs without Hadoop on the class path as long as nothing needs a Hadoop
 * codec or configuration: the file is built in memory (an {@link OutputFile} over a byte array) and
 * configured with {@link PlainParquetConfiguration}.
 */
@Extension
public final class ParquetTableWriter implements TableWriter<NoParameters> {
    @Override
    public String id() {
        return "parquet";
    }

    @Override
    public String description() {
        return "Apache Parquet file of a typed table (a sweep's sweep.parquet); parquet-java without Hadoop, uncompressed";
    }

    @Override
    public Class<NoParameters> parameterType() {
        return NoParameters.class;
    }

    @Override
    public String fileExtension() {
        return "parquet";
    }

    @Override
    public void write(DataTable table, NoParameters options, OutputSink sink, String path) {
        sink.write(path, bytes(table));
    }

    /** The Parquet file of {@code table}. */
    public static byte[] bytes(DataTable table) {
        MessageType schema = schema(table);
        BytesOutputFile file = new BytesOutputFile();
        try (ParquetWriter<Integer> w = new Builder(file, table, schema).withConf(new PlainParquetConfiguration())
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED).withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
            for (int r = 0; r < table.rows(); r++) w.write(r);
        } catch (IOException e) {
            throw new EresException("cannot write Parquet: " + e.getMessage(), e);
        }
        return file.bytes.toByteArray();
    }

    static MessageType schema(DataTable table) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (DataTable.Column c : table.columns()) {
            switch (c.type()) {
                case LONG -> b.optional(PrimitiveTypeName.INT64).named(c.name());
                case DOUBLE -> b.optional(PrimitiveTypeName.DOUBLE).named(c.name());
                case BOOLEAN -> b.optional(PrimitiveTypeName.BOOLEAN).named(c.name());
                case TEXT -> b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.name());
            }
        }
        return b.named(table.name());
    }

    /** Writes row {@code r} of the table (records are row numbers). */
    static final class RowSupport extends WriteSupport<Integer> {
        private final DataTable table;
        private final MessageType schema;
        private RecordConsumer out;

        RowSupport(DataTable table, MessageType schema) {
            this.table = table;
            this.schema = schema;
        }

        @Override
        @SuppressWarnings("deprecation") // abstract in parquet-java 1.15: must be implemented beside the ParquetConfiguration variant
        public WriteContext init(Configuration configuration) {
            return new WriteContext(schema, new HashMap<>());
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, new HashMap<>());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(Integer row) {
            out.startMessage();
            List<DataTable.Column> cols = table.columns();
            for (int c = 0; c < cols.size(); c++) {
                Object v = cols.get(c).values().get(row);
                if (v == null) continue;
                out.startField(cols.get(c).name(), c);
                switch (cols.get(c).type()) {
                    case LONG -> out.addLong((Long) v);
                    case DOUBLE -> out.addDouble((Double) v);
                    case BOOLEAN -> out.addBoolean((Boolean) v);
                    case TEXT -> out.addBinary(Binary.fromString((String) v));
                }
                out.endField(cols.get(c).name(), c);
            }
            out.endMessage();
        }
    }

    static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
        private final DataTable table;
        private final MessageType schema;

        Builder(OutputFile file, DataTable table, MessageType schema) {
            super(file);
            this.table = table;
            this.schema = schema;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        @SuppressWarnings("deprecation") // abstract in parquet-java 1.15: must be implemented beside the ParquetConfiguration variant
        protected WriteSupport<Integer> getWriteSupport(Configuration conf) {
            return new RowSupport(table, schema);
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(ParquetConfiguration conf) {
            return new RowSupport(table, schema);
        }
    }

    /** An {@link OutputFile} in memory (the sink receives the finished bytes). */
    static final class BytesOutputFile implements OutputFile {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return createOrOverwrite(blockSizeHint);
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            bytes.reset();
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return bytes.size();
                }

                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.write(b, off, len);
                }
            };
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return "memory:sweep.parquet";
        }
    }
}
