package io.github.wheelscout.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequirementsFileTest {

    @TempDir
    Path dir;

    private RequirementsFile parse(String content) {
        return RequirementsFile.parse(content, "requirements.txt", dir, Map.of());
    }

    private static List<String> texts(RequirementsFile file) {
        return file.requirements().stream().map(r -> r.origin().line() + " " + r.requirement().map(Object::toString)
                .orElse(r.text())).toList();
    }

    @Test
    void stripsCommentsOnlyAtLineStartOrAfterWhitespace() {
        RequirementsFile file = parse("# a comment\nrequests>=2 # pinned\npkg @ https://h/p.whl#sha256=abc\n");
        assertThat(texts(file)).containsExactly("2 requests>=2", "3 pkg@ https://h/p.whl#sha256=abc"
                .replace("pkg@", "pkg @"));
        assertThat(file.errors()).isEmpty();
    }

    @Test
    void joinsContinuationsAndReportsTheFirstPhysicalLine() {
        RequirementsFile file = parse("\nflask==3.0.0 \\\n    --hash=sha256:aaa \\\n    --hash=sha256:bbb\nidna\n");
        assertThat(file.requirements()).hasSize(2);
        RequirementLine flask = file.requirements().get(0);
        assertThat(flask.origin()).isEqualTo(new Origin("requirements.txt", 2));
        assertThat(flask.hashes()).containsExactly("sha256:aaa", "sha256:bbb");
        assertThat(file.requirements().get(1).origin().line()).isEqualTo(5);
    }

    @Test
    void aCommentEndsAContinuation() {
        RequirementsFile file = parse("foo \\\n# comment \\\nbar\n");
        assertThat(texts(file)).containsExactly("1 foo", "3 bar");
    }

    @Test
    void handlesCrlfAndAByteOrderMark(@TempDir Path tmp) throws IOException {
        Path path = tmp.resolve("r.txt");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "numpy==1.26.4\r\npandas ; python_version >= \"3.9\"\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        Files.write(path, all);
        RequirementsFile file = RequirementsFile.read(path, Map.of(), tmp);
        assertThat(texts(file)).containsExactly("1 numpy==1.26.4", "2 pandas; python_version >= \"3.9\"");
    }

    @Test
    void expandsOnlySetBracedUpperCaseVariables() {
        RequirementsFile file = RequirementsFile.parse(
                "foo==${VERSION}\nbar==${unset_lower}\n--index-url ${INDEX}/simple\nbaz==${EMPTY}1\n",
                "r.txt", dir, Map.of("VERSION", "1.2", "INDEX", "https://mirror", "EMPTY", ""));
        assertThat(texts(file)).startsWith("1 foo==1.2");
        assertThat(file.indexUrl()).contains("https://mirror/simple");
        assertThat(file.errors()).extracting(e -> e.origin().line()).containsExactly(2, 4);
    }

    @Test
    void keepsGlobalOptionsUnderTheirCanonicalNames() {
        RequirementsFile file = parse("-i https://a/simple\n--extra-index-url=https://b/simple\n--pre\n"
                + "--only-binary :all:\n--no-binary=foo\n--trusted-host h\n-f ./wheels\n--no-index\n--prefer-bin\n");
        assertThat(file.options()).extracting(GlobalOption::toString).containsExactly("--index-url https://a/simple",
                "--extra-index-url https://b/simple", "--pre", "--only-binary :all:", "--no-binary foo",
                "--trusted-host h", "--find-links ./wheels", "--no-index", "--prefer-binary");
        assertThat(file.pre()).isTrue();
        assertThat(file.noIndex()).isTrue();
        assertThat(file.extraIndexUrls()).containsExactly("https://b/simple");
    }

    @Test
    void readsIncludesRelativeToTheIncludingFile() throws IOException {
        Files.createDirectories(dir.resolve("reqs"));
        Files.writeString(dir.resolve("reqs/base.txt"), "-r common/more.txt\nrequests\n");
        Files.createDirectories(dir.resolve("reqs/common"));
        Files.writeString(dir.resolve("reqs/common/more.txt"), "idna\n");
        Files.writeString(dir.resolve("constraints.txt"), "idna<4\n");
        RequirementsFile file = parse("-r reqs/base.txt\n-c constraints.txt\nflask\n");
        assertThat(file.errors()).isEmpty();
        assertThat(file.requirements()).extracting(RequirementLine::name, RequirementLine::constraint)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("idna", false),
                        org.assertj.core.groups.Tuple.tuple("requests", false),
                        org.assertj.core.groups.Tuple.tuple("idna", true),
                        org.assertj.core.groups.Tuple.tuple("flask", false));
        assertThat(file.requirements().get(0).origin().file())
                .isEqualTo(dir.resolve("reqs/common/more.txt").toString());
    }

    @Test
    void reportsAnIncludeCycleInsteadOfLooping() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "alpha\n-r b.txt\n");
        Files.writeString(dir.resolve("b.txt"), "beta\n-r a.txt\n");
        RequirementsFile file = RequirementsFile.read(dir.resolve("a.txt"), Map.of(), dir);
        assertThat(texts(file)).containsExactly("1 alpha", "1 beta");
        assertThat(file.errors()).singleElement().satisfies(e -> {
            assertThat(e.origin()).isEqualTo(new Origin(dir.resolve("b.txt").toString(), 2));
            assertThat(e.message()).contains("a.txt recursively references itself in");
        });
    }

    @Test
    void refusesRemoteIncludes() {
        RequirementsFile file = parse("-r https://example.org/requirements.txt\nrequests\n");
        assertThat(texts(file)).containsExactly("2 requests");
        assertThat(file.errors()).singleElement().satisfies(e -> {
            assertThat(e.origin().line()).isEqualTo(1);
            assertThat(e.message()).startsWith("refused to fetch remote requirements file https://example.org/");
        });
    }

    @Test
    void reportsEveryBadLineWithItsColumnAndKeepsTheGoodOnes() {
        RequirementsFile file = parse("requests\nfoo>=1.0.*\nflask\nbar[baz\n  numpy=1.0\n--unknown-option\n");
        assertThat(texts(file)).containsExactly("1 requests", "3 flask");
        assertThat(file.errors()).extracting(RequirementsFileError::toString).containsExactly(
                "requirements.txt:2:4: Invalid requirement: 'foo>=1.0.*': .* suffix can only be used with `==` or"
                        + " `!=` operators",
                "requirements.txt:4:4: Invalid requirement: 'bar[baz': Expected matching RIGHT_BRACKET for"
                        + " LEFT_BRACKET, after extras",
                "requirements.txt:5:8: Invalid requirement: 'numpy=1.0': Expected semicolon (after name with no"
                        + " version specifier) or end"
                        + " (hint: = is not a valid operator. Did you mean == ?)",
                "requirements.txt:6:1: no such option: --unknown-option");
    }

    @Test
    void keepsARequirementWhoseOptionIsBad() {
        RequirementsFile file = parse("foo==1.0 --hash=md5:abc\n");
        assertThat(texts(file)).containsExactly("1 foo==1.0");
        assertThat(file.errors()).singleElement().extracting(RequirementsFileError::message)
                .isEqualTo("Allowed hash algorithms for --hash are sha256, sha384, sha512.");
    }

    @Test
    void marksUrlsPathsAndEditablesAsNotResolvableFromAnIndex() throws IOException {
        Files.createDirectories(dir.resolve("localpkg"));
        Files.writeString(dir.resolve("localpkg/pyproject.toml"), "");
        RequirementsFile file = parse("requests\n"
                + "flask @ https://h/flask-3.0.0-py3-none-any.whl ; python_version >= '3.8'\n"
                + "https://h/Foo_Bar-1.0-py3-none-any.whl\n"
                + "./localpkg\n"
                + "-e git+https://github.com/a/b.git#egg=b\n");
        assertThat(file.errors()).isEmpty();
        List<RequirementLine> lines = file.requirements();
        assertThat(lines).extracting(RequirementLine::resolvableFromIndex).containsExactly(true, false, false, false,
                false);
        assertThat(lines.get(1).marker()).hasToString("python_version >= \"3.8\"");
        assertThat(lines.get(2).name()).isEqualTo("foo-bar");
        assertThat(lines.get(2).specifier()).hasToString("==1.0");
        assertThat(lines.get(3).name()).isNull();
        assertThat(lines.get(3).url()).isEqualTo(RequirementsFileReader.pathToUrl(dir.resolve("localpkg")));
        assertThat(lines.get(4).editable()).isTrue();
        assertThat(lines.get(4).name()).isEqualTo("b");
    }

    @Test
    void aMissingFileIsAnErrorNotAnException() {
        RequirementsFile file = RequirementsFile.read(dir.resolve("nope.txt"), Map.of(), dir);
        assertThat(file.requirements()).isEmpty();
        assertThat(file.errors()).singleElement().extracting(RequirementsFileError::message).asString()
                .contains("no such file");
    }
}
