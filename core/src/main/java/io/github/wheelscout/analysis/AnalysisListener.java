package io.github.wheelscout.analysis;

import io.github.wheelscout.name.ProjectName;

/** Hears how an analysis progresses, e.g. to show progress while many projects are fetched. */
public interface AnalysisListener {

    /** Does nothing. */
    AnalysisListener NONE = new AnalysisListener() {
    };

    /** {@code total} projects are about to be fetched. */
    default void fetching(int total) {
    }

    /** One project's files arrived (or failed); {@code done} of {@code total} so far. Called from any thread. */
    default void fetched(ProjectName project, int done, int total) {
    }
}
