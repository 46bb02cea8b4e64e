package io.github.wheelscout.cli;

import io.github.wheelscout.analysis.AnalysisListener;
import io.github.wheelscout.name.ProjectName;
import java.io.PrintWriter;

/** A one-line progress indicator on standard error while projects are fetched, shown only on a terminal. */
final class Progress implements AnalysisListener, AutoCloseable {

    private final PrintWriter err;
    private final boolean enabled;
    private volatile long lastDraw;
    private boolean drawn;

    private Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Progress on {@code err} when {@code wanted} and the process runs on a terminal. */
    static Progress onTerminal(PrintWriter err, boolean wanted) {
        return new Progress(err, wanted && System.console() != null);
    }

    @Override
    public synchronized void fetched(ProjectName project, int done, int total) {
        long now = System.nanoTime();
        // A redraw every 50 ms at most: a terminal flooded with carriage returns slows everything down.
        if (!enabled || total < 10 || (done < total && now - lastDraw < 50_000_000L)) {
            return;
        }
        lastDraw = now;
        err.print("\rfetching " + done + "/" + total + " projects ");
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            err.print("\r" + " ".repeat(40) + "\r");
            err.flush();
        }
    }
}
