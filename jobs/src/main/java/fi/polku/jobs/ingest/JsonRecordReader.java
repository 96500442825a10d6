package fi.polku.jobs.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.polku.contract.RowSource;
import fi.polku.ingest.RawRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Streams Sotkanet's JSON data points ({@code [{indicator, region, year, gender, value, absValue}, …]}) as
 * records of those six fields, each carrying the line its object starts on, so a file of any size is read
 * in constant memory. Broken JSON stops the file with an {@link InputRejected} naming line and column.
 */
public final class JsonRecordReader implements RecordStream {
    /** The fields read from each object, in record order. */
    public static final List<String> FIELDS = List.of("indicator", "region", "year", "gender", "value", "absValue");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String name;
    private final JsonParser parser;
    private ObjectNode pending;
    private long pendingLine;
    private boolean done;

    private JsonRecordReader(String name, JsonParser parser) {
        this.name = name;
        this.parser = parser;
    }

    /** Opens a JSON array of data points; the stream is closed with the reader. */
    public static JsonRecordReader open(String name, InputStream in, FileFormat format) {
        try {
            JsonParser parser = new JsonFactory().createParser(new InputStreamReader(in, format.decoding()));
            JsonRecordReader reader = new JsonRecordReader(name, parser);
            JsonToken first = reader.token();
            if (first != JsonToken.START_ARRAY) {
                throw reader.rejected(parser.currentTokenLocation(), "expected a JSON array of data points");
            }
            return reader;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> header() {
        return FIELDS;
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !done) {
            advance();
        }
        return pending != null;
    }

    @Override
    public RawRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ObjectNode node = pending;
        pending = null;
        String[] fields = new String[FIELDS.size()];
        for (int i = 0; i < fields.length; i++) {
            var v = node.get(FIELDS.get(i));
            fields[i] = v == null || v.isNull() ? "" : v.asText();
        }
        return RawRecord.of(new RowSource(name, pendingLine), fields, node.toString());
    }

    private void advance() {
        try {
            JsonToken t = token();
            if (t == JsonToken.END_ARRAY || t == null) {
                done = true;
                return;
            }
            if (t != JsonToken.START_OBJECT) {
                throw rejected(parser.currentTokenLocation(), "expected a data point object, found " + t);
            }
            pendingLine = parser.currentTokenLocation().getLineNr();
            pending = (ObjectNode) MAPPER.readTree(parser);
        } catch (JsonProcessingException e) {
            throw rejected(e.getLocation(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonToken token() throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw rejected(e.getLocation(), e.getOriginalMessage());
        }
    }

    private InputRejected rejected(JsonLocation at, String reason) {
        String where = at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new InputRejected(name + where + ": not valid Sotkanet JSON (" + reason + ")");
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
