package io.github.wheelscout.advise.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DockerfileLexerTest {

    @Test
    void continuationsJoinAndCommentsAndBlankLinesInsideThemAreDropped() {
        String text = "FROM python:3.12\n\n# a comment\nRUN a \\\n  # inside\n\n  && b\nCMD [\"x\"]\n";
        DockerfileLexer.Result r = DockerfileLexer.lex(text);
        assertThat(r.instructions()).extracting(Instruction::name).containsExactly("FROM", "RUN", "CMD");
        Instruction run = r.instructions().get(1);
        assertThat(run.line()).isEqualTo(4);
        assertThat(run.endLine()).isEqualTo(7);
        assertThat(run.arguments()).isEqualTo("a   && b");
        assertThat(r.instructions().get(2).line()).isEqualTo(8);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void directivesAreReadOnlyAtTheTop() {
        DockerfileLexer.Result r = DockerfileLexer.lex("# syntax=docker/dockerfile:1\n# escape=`\n\n# check=x\nFROM a\n");
        assertThat(r.directives()).containsExactly(java.util.Map.entry("syntax", "docker/dockerfile:1"),
                java.util.Map.entry("escape", "`"));
        DockerfileLexer.Result late = DockerfileLexer.lex("# comment\n# syntax=docker/dockerfile:1\nFROM a\n");
        assertThat(late.directives()).isEmpty();
    }

    @Test
    void anUnknownDirectiveEndsTheDirectives() {
        DockerfileLexer.Result r = DockerfileLexer.lex("# foo=bar\n# syntax=x\nFROM a\n");
        assertThat(r.directives()).isEmpty();
    }

    @Test
    void flagsAreSplitFromArguments() {
        Instruction copy = DockerfileLexer.lex("FROM a\nCOPY --from=b --chown=1:1 src dst\n").instructions().get(1);
        assertThat(copy.flags()).containsExactly("--from=b", "--chown=1:1");
        assertThat(copy.flag("from")).isEqualTo("b");
        assertThat(copy.arguments()).isEqualTo("src dst");
        Instruction env = DockerfileLexer.lex("FROM a\nENV --x=1\n").instructions().get(1);
        assertThat(env.flags()).isEmpty();
    }

    @Test
    void heredocsAreAttachedAndTheirLinesSkipped() {
        String text = "FROM a\nRUN <<EOF cat <<-'END'\nline one\nEOF\n\tindented\n\tEND\nUSER x\n";
        DockerfileLexer.Result r = DockerfileLexer.lex(text);
        assertThat(r.instructions()).extracting(Instruction::name).containsExactly("FROM", "RUN", "USER");
        Instruction run = r.instructions().get(1);
        assertThat(run.heredocs()).hasSize(2);
        assertThat(run.heredocs().get(0).content()).isEqualTo("line one\n");
        assertThat(run.heredocs().get(0).expand()).isTrue();
        assertThat(run.heredocs().get(1).content()).isEqualTo("indented\n");
        assertThat(run.heredocs().get(1).expand()).isFalse();
        assertThat(run.endLine()).isEqualTo(6);
        assertThat(r.instructions().get(2).line()).isEqualTo(7);
    }

    @Test
    void aHeredocMarkerInQuotesIsNotAHeredoc() {
        DockerfileLexer.Result r = DockerfileLexer.lex("FROM a\nRUN echo '<<EOF'\nUSER x\n");
        assertThat(r.instructions()).hasSize(3);
        assertThat(r.instructions().get(1).heredocs()).isEmpty();
    }

    @Test
    void unclosedConstructsAreProblemsWithTheirLine() {
        assertThat(DockerfileLexer.lex("FROM a\nRUN x \\\n").problems()).singleElement()
                .hasToString("line 2: the instruction ends with a line continuation at the end of the file");
        assertThat(DockerfileLexer.lex("FROM a\nRUN <<EOF\nx\n").problems()).singleElement()
                .hasToString("line 2: here-document <<EOF is not closed");
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreAccepted() {
        DockerfileLexer.Result r = DockerfileLexer.lex("\uFEFFFROM a\r\nRUN b \\\r\n c\r\n");
        assertThat(r.instructions()).extracting(Instruction::arguments).containsExactly("a", "b  c");
    }
}
