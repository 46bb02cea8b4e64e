package io.github.wheelscout.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GateGithubReportTest {

    @Test
    void messagesEscapePercentAndLineBreaksAsTheToolkitDoes() {
        assertThat(GateGithubReport.escapeData("100% a:b, c\r\nd")).isEqualTo("100%25 a:b, c%0D%0Ad");
    }

    @Test
    void propertiesAlsoEscapeColonsAndCommas() {
        assertThat(GateGithubReport.escapeProperty("python:3.12-alpine, 50%\n")).isEqualTo("python%3A3.12-alpine%2C 50%25%0A");
    }

    @Test
    void aCommandHasItsPropertiesInOrderAndOmitsALineWithoutAFile() {
        assertThat(GateGithubReport.command("error", "req/a,b.txt", 12, "t: x", "m\nn"))
                .isEqualTo("::error file=req/a%2Cb.txt,line=12,title=t%3A x::m%0An");
        assertThat(GateGithubReport.command("notice", null, 3, "t", "m")).isEqualTo("::notice title=t::m");
        assertThat(GateGithubReport.command("warning", "f.json", 0, "t", "m")).isEqualTo("::warning file=f.json,title=t::m");
    }
}
