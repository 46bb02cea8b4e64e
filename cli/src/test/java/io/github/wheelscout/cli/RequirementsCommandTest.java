package io.github.wheelscout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequirementsCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void printsRequirementsAsJsonAndExitsWithTwoOnABadLine() throws IOException {
        Path file = dir.resolve("requirements.txt");
        Files.writeString(file, "--index-url https://mirror/simple\nrequests[socks]>=2 ; python_version >= '3.8'\n"
                + "numpy==1.26.4 \\\n    --hash=sha256:abc\nnot valid\n-e git+https://github.com/a/b.git#egg=b\n");

        int code = run("requirements", "--format", "json", file.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("requirements")).hasSize(3);
        JsonNode requests = json.get("requirements").get(0);
        assertThat(requests.get("name").asText()).isEqualTo("requests");
        assertThat(requests.get("extras").get(0).asText()).isEqualTo("socks");
        assertThat(requests.get("specifier").asText()).isEqualTo(">=2");
        assertThat(requests.get("marker").asText()).isEqualTo("python_version >= \"3.8\"");
        assertThat(requests.get("url").isNull()).isTrue();
        assertThat(requests.get("source").asText()).isEqualTo(file + ":2");
        assertThat(requests.get("editable").asBoolean()).isFalse();
        JsonNode numpy = json.get("requirements").get(1);
        assertThat(numpy.get("source").asText()).isEqualTo(file + ":3");
        assertThat(numpy.get("hashes").get(0).asText()).isEqualTo("sha256:abc");
        JsonNode editable = json.get("requirements").get(2);
        assertThat(editable.get("editable").asBoolean()).isTrue();
        assertThat(editable.get("url").asText()).isEqualTo("git+https://github.com/a/b.git#egg=b");
        assertThat(json.get("options").get(0).get("name").asText()).isEqualTo("--index-url");
        assertThat(json.get("errors")).hasSize(1);
        assertThat(json.get("errors").get(0).get("source").asText()).isEqualTo(file + ":5:5");
        assertThat(json.get("errors").get(0).get("message").asText()).startsWith("Invalid requirement: 'not valid'");
    }

    @Test
    void printsTextAndExitsWithZeroWhenEverythingIsGood() throws IOException {
        Path requirements = dir.resolve("requirements.txt");
        Files.writeString(requirements, "flask==3.0.0\n");
        Path pyproject = dir.resolve("pyproject.toml");
        Files.writeString(pyproject, "[project]\ndependencies = [\"click>=8\"]\n");

        int code = run("requirements", requirements.toString(), pyproject.toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains(requirements + ":1  flask==3.0.0", pyproject + ":2  click>=8");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void reportsAMissingFileAsBadInput() {
        int code = run("requirements", dir.resolve("missing.txt").toString());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("missing.txt", "no such file");
    }
}
