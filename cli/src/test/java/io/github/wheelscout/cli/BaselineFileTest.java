package io.github.wheelscout.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wheelscout.gate.Baseline;
import io.github.wheelscout.gate.BaselineEntry;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.version.SpecifierSet;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BaselineFileTest {

    @Test
    void readsEveryField() {
        Baseline b = BaselineFile.parse("""
                {"schema": 1, "accepted": [
                  {"name": "Foo_Bar", "versions": ">=1.2,<2", "target": "python:*-alpine", "reason": "ok",
                   "expires": "2026-06-30"},
                  {"name": "psycopg2", "reason": "Windows wheels only", "versions": null}
                ]}""", "b.json");

        assertThat(b.entries()).containsExactly(
                new BaselineEntry(ProjectName.of("foo-bar"), SpecifierSet.parse(">=1.2,<2"), "python:*-alpine", "ok",
                        LocalDate.of(2026, 6, 30)),
                new BaselineEntry(ProjectName.of("psycopg2"), null, null, "Windows wheels only", null));
    }

    @Test
    void writesWhatItReads() throws IOException {
        Baseline b = new Baseline(List.of(
                new BaselineEntry(ProjectName.of("numpy"), SpecifierSet.parse("==1.25.2"), "python:3.12-alpine",
                        "accepted", null),
                new BaselineEntry(ProjectName.of("psycopg2"), null, null, "r", LocalDate.of(2027, 1, 2))));
        StringWriter out = new StringWriter();

        BaselineFile.write(b, out);

        assertThat(out.toString()).isEqualTo("""
                {
                  "schema" : 1,
                  "accepted" : [ {
                    "name" : "numpy",
                    "versions" : "==1.25.2",
                    "target" : "python:3.12-alpine",
                    "reason" : "accepted"
                  }, {
                    "name" : "psycopg2",
                    "target" : "*",
                    "reason" : "r",
                    "expires" : "2027-01-02"
                  } ]
                }
                """);
        assertThat(BaselineFile.parse(out.toString(), "x").entries()).containsExactly(b.entries().get(0),
                new BaselineEntry(ProjectName.of("psycopg2"), null, "*", "r", LocalDate.of(2027, 1, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"schema\": 2, \"accepted\": []}                                         | b.json:1:12: schema 2 is not supported",
        "{\"accepted\": [{\"name\": \"x\"}]}                                       | b.json:1:15: entry 1 (x): no \"reason\"",
        "{\"accepted\": [{\"reason\": \"x\"}]}                                     | b.json:1:15: entry 1: no \"name\"",
        "{\"accepted\": [{\"name\": \"not a name\", \"reason\": \"x\"}]}           | entry 1: \"not a name\" is not a valid project name",
        "{\"accepted\": [{\"name\": \"x\", \"reason\": \"x\", \"versions\": \"=>1\"}]}  | entry 1: \"versions\" is not a PEP 440 specifier set",
        "{\"accepted\": [{\"name\": \"x\", \"reason\": \"x\", \"expires\": \"30/06/2026\"}]} | entry 1: \"expires\" is not a date YYYY-MM-DD: \"30/06/2026\"",
        "{\"accepted\": [{\"name\": \"x\", \"reason\": \"x\", \"target\": \"\"}]}  | entry 1: \"target\" is empty",
        "{\"accepted\": [{\"name\": \"x\", \"reason\": \" \"}]}                    | entry 1: \"reason\" is empty",
        "{\"accepted\": [{\"name\": \"x\", \"name\": \"y\", \"reason\": \"r\"}]}   | not valid JSON: Duplicate field 'name'",
        "{\"accepted\": [{\"name\": \"x\", \"reason\": \"r\", \"until\": \"r\"}]}  | entry 1: unknown field \"until\"",
        "{\"accepted\": [{\"name\": 3, \"reason\": \"r\"}]}                        | entry 1: \"name\" to be a string",
        "{\"acepted\": []}                                                         | unknown field \"acepted\"",
        "{\"schema\": 1}                                                           | no \"accepted\" list",
        "[]                                                                        | expected a JSON object",
        "{\"accepted\": [}                                                         | b.json:1:15: not valid JSON",
    })
    void badDocumentsAreRejectedNamingWhere(String json, String message) {
        assertThatThrownBy(() -> BaselineFile.parse(json, "b.json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("baseline b.json").hasMessageContaining(message);
    }
}
