package io.github.wheelscout.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the JSON Lines reference vectors copied under {@code src/test/resources/vectors}. */
public final class Vectors {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private Vectors() {
    }

    /** Every line of the resource {@code vectors/<path>}, parsed; integers are read as BigIntegers. */
    public static List<JsonNode> read(String path) {
        InputStream in = Vectors.class.getResourceAsStream("/vectors/" + path);
        if (in == null) {
            throw new IllegalStateException("missing test resource vectors/" + path);
        }
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** The text of {@code node}, or null for JSON null or a missing node. */
    public static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
