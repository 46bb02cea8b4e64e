package io.github.wheelscout.cli.report;

import io.github.wheelscout.analysis.Verdict;
import io.github.wheelscout.gate.Change;
import io.github.wheelscout.gate.ChangeKind;
import io.github.wheelscout.gate.RequirementChanges;
import io.github.wheelscout.tags.Target;
import java.io.Writer;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The gate as JUnit XML, the format Jenkins, GitLab and most CI servers show as tests: one {@code <testsuite>} per
 * target, one {@code <testcase>} per requirement on it. A failing change is a {@code <failure>}, an unknown one an
 * {@code <error>} (a {@code <skipped>} with {@code --allow-errors}), a requirement not needed on the target or not
 * analysed is {@code <skipped>}; the others pass, their message in {@code <system-out>}.
 */
public final class GateJunitReport {

    private static final String CLASSNAME = "wheelscout.gate";

    private GateJunitReport() {
    }

    /** Writes {@code report} to {@code out} as a UTF-8 XML document. */
    public static void write(GateReport report, Writer out) {
        List<Target> targets = report.result().targets();
        List<RequirementChanges> requirements = report.result().requirements();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "wheelscout gate");
            int[] total = new int[4];
            for (RequirementChanges r : requirements) {
                for (Change c : r.changes()) {
                    total[outcome(c, report.allowErrors())]++;
                }
            }
            attributes(x, requirements.size() * targets.size(), total);
            for (int t = 0; t < targets.size(); t++) {
                int[] counts = new int[4];
                for (RequirementChanges r : requirements) {
                    counts[outcome(r.change(t), report.allowErrors())]++;
                }
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", targets.get(t).displayName());
                attributes(x, requirements.size(), counts);
                for (RequirementChanges r : requirements) {
                    testcase(x, r.change(t), report.allowErrors());
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            if (!report.errors().isEmpty()) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", "input");
                attributes(x, report.errors().size(), new int[] {0, 0, report.errors().size(), 0});
                for (var e : report.errors()) {
                    x.writeCharacters("\n    ");
                    x.writeStartElement("testcase");
                    x.writeAttribute("classname", CLASSNAME);
                    x.writeAttribute("name", e.source());
                    x.writeAttribute("time", "0");
                    x.writeStartElement("error");
                    x.writeAttribute("type", "bad-input");
                    x.writeAttribute("message", xmlSafe(e.message()));
                    x.writeCharacters(xmlSafe(e.source() + ": " + e.message()));
                    x.writeEndElement();
                    x.writeEndElement();
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
            x.close();
            out.flush();
        } catch (XMLStreamException | java.io.IOException e) {
            throw new IllegalStateException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }

    private static final int PASSED = 0;
    private static final int FAILURE = 1;
    private static final int ERROR = 2;
    private static final int SKIPPED = 3;

    private static int outcome(Change c, boolean allowErrors) {
        if (c.unknown()) {
            return allowErrors ? SKIPPED : ERROR;
        }
        if (c.fails()) {
            return FAILURE;
        }
        if (c.kind() == ChangeKind.NOT_ANALYSED || (c.head() != null && c.head().verdict() == Verdict.NOT_NEEDED)) {
            return SKIPPED;
        }
        return PASSED;
    }

    private static void attributes(XMLStreamWriter x, int tests, int[] counts) throws XMLStreamException {
        x.writeAttribute("tests", Integer.toString(tests));
        x.writeAttribute("failures", Integer.toString(counts[FAILURE]));
        x.writeAttribute("errors", Integer.toString(counts[ERROR]));
        x.writeAttribute("skipped", Integer.toString(counts[SKIPPED]));
    }

    private static void testcase(XMLStreamWriter x, Change c, boolean allowErrors) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", CLASSNAME);
        String requirement = c.headRequirement() != null ? c.headRequirement().text() : c.baseRequirement().text();
        x.writeAttribute("name", xmlSafe(requirement + " [" + c.target().displayName() + "]"));
        GateReport.FileLine at = GateReport.fileLine(c.source().orElse(null));
        if (at != null && c.headRequirement() != null) {
            x.writeAttribute("file", xmlSafe(at.file()));
            x.writeAttribute("line", Integer.toString(at.line()));
        }
        x.writeAttribute("time", "0");
        String message = xmlSafe(c.message());
        String headline = xmlSafe(c.headline());
        switch (outcome(c, allowErrors)) {
            case FAILURE -> element(x, "failure", c.kind().word(), headline, message);
            case ERROR -> element(x, "error", c.kind().word(), headline, message);
            case SKIPPED -> {
                x.writeStartElement("skipped");
                x.writeAttribute("message", headline);
                x.writeEndElement();
            }
            default -> {
                x.writeStartElement("system-out");
                x.writeCharacters(message);
                x.writeEndElement();
            }
        }
        x.writeEndElement();
    }

    private static void element(XMLStreamWriter x, String name, String type, String headline, String message)
            throws XMLStreamException {
        x.writeStartElement(name);
        x.writeAttribute("type", type);
        x.writeAttribute("message", headline);
        x.writeCharacters(message);
        x.writeEndElement();
    }

    /** Drops the characters XML 1.0 cannot carry at all (control characters other than tab, CR, LF). */
    static String xmlSafe(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean ok = ch == '\t' || ch == '\n' || ch == '\r' || (ch >= 0x20 && ch <= 0xD7FF)
                    || (ch >= 0xE000 && ch <= 0xFFFD) || Character.isSurrogate(ch);
            if (!ok && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                out.append(ok ? ch : '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }
}
