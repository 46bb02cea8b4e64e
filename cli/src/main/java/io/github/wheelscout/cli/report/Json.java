package io.github.wheelscout.cli.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.Writer;

/** The one way the commands write JSON: pretty-printed, and leaving the output open (a newline follows). */
public final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private Json() {
    }

    /** A pretty-printing generator writing to {@code out}; closing it flushes {@code out} but does not close it. */
    public static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.useDefaultPrettyPrinter();
        return g;
    }
}
