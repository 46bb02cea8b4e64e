package io.github.wheelscout.cli.report;

import io.github.wheelscout.gate.BaselineEntry;
import io.github.wheelscout.gate.Change;
import io.github.wheelscout.gate.ChangeKind;
import io.github.wheelscout.requirement.RequirementsFileError;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gate as GitHub Actions workflow commands: an {@code ::error} on the head's line of every failing or unknown
 * change and of every bad input line, a {@code ::notice} for accepted and fixed ones, a {@code ::warning} for
 * expired baseline entries, then the verdict as a plain log line. Values are escaped as GitHub's toolkit escapes
 * them ({@code %}, CR and LF in messages; also {@code :} and {@code ,} in properties).
 */
public final class GateGithubReport {

    private GateGithubReport() {
    }

    /** Writes {@code report} to {@code out}. */
    public static void write(GateReport report, PrintWriter out) {
        for (RequirementsFileError e : report.errors()) {
            out.println(command("error", e.origin().line() > 0 ? e.origin().file() : null, e.origin().line(),
                    "wheelscout gate: bad input", e.source() + ": " + e.message()));
        }
        for (Change c : report.listed()) {
            String level;
            if (c.unknown()) {
                level = report.allowErrors() ? "warning" : "error";
            } else if (c.fails()) {
                level = "error";
            } else if (c.accepted() || c.kind() == ChangeKind.FIXED) {
                level = "notice";
            } else {
                continue;
            }
            String title = "wheelscout gate: " + (c.accepted() ? "accepted " : "") + GateReport.kindWords(c.kind())
                    + " on " + c.target().displayName();
            // Annotate the head's line only: a line of the base is not in the pull request's files.
            GateReport.FileLine at = c.headRequirement() == null ? null
                    : GateReport.fileLine(c.headRequirement().source());
            out.println(command(level, at == null ? null : at.file(), at == null ? 0 : at.line(), title,
                    c.message()));
        }
        for (BaselineEntry e : report.result().expiredEntries()) {
            out.println(command("warning", report.baselineFile(), 0, "wheelscout gate: baseline entry expired",
                    "baseline entry " + e + " expired on " + e.expires() + ": it accepts nothing (" + e.reason() + ")"));
        }
        out.println("wheelscout gate: " + report.counts() + ". " + report.verdictLine());
        out.flush();
    }

    /** {@code ::level file=F,line=L,title=T::message}, escaped as GitHub's toolkit escapes. */
    static String command(String level, String file, int line, String title, String message) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (file != null) {
            properties.put("file", file);
            if (line > 0) {
                properties.put("line", Integer.toString(line));
            }
        }
        if (title != null) {
            properties.put("title", title);
        }
        StringBuilder out = new StringBuilder("::").append(level);
        String sep = " ";
        for (Map.Entry<String, String> p : properties.entrySet()) {
            out.append(sep).append(p.getKey()).append('=').append(escapeProperty(p.getValue()));
            sep = ",";
        }
        return out.append("::").append(escapeData(message)).toString();
    }

    /** The toolkit's {@code escapeData}: {@code %}, CR, LF. */
    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** The toolkit's {@code escapeProperty}: {@code %}, CR, LF, {@code :}, {@code ,}. */
    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
