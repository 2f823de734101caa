package org.klpconvert.cli;

import java.io.IOException;
import java.io.Writer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

/**
 * The {@code --json} output of every command (docs/json.md): one JSON document on stdout,
 * indented by two spaces with {@code \n} line ends, plain ASCII (other characters escaped),
 * and no timestamps, so the same input gives the same bytes. Names are the bytes of the
 * files, one code point U+0000 to U+00FF per byte.
 */
final class JsonOutput implements AutoCloseable {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final Writer out;
    private final JsonGenerator json;

    /**
     * Starts the document: {@code {"schema": "klp-tool/<command>", "version": <version>, ...}}.
     *
     * @param version the schema version of that command, raised on any incompatible change
     */
    JsonOutput(Writer out, String command, int version) throws IOException {
        this.out = out;
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        this.json = FACTORY.createGenerator(out)
                .setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter));
        json.writeStartObject();
        json.writeStringField("schema", "klp-tool/" + command);
        json.writeNumberField("version", version);
    }

    /** The generator, positioned inside the top-level object. */
    JsonGenerator generator() {
        return json;
    }

    /** Writes {@code "name": [...]} with the strings in order. */
    static void stringArray(JsonGenerator json, String name, Iterable<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** Ends the document with a newline and flushes it. */
    @Override
    public void close() throws IOException {
        json.writeEndObject();
        json.close();
        out.write('\n');
        out.flush();
    }
}
