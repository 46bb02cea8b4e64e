package io.github.wheelscout.resolve;

import io.github.wheelscout.analysis.AnalysisListener;
import io.github.wheelscout.analysis.AnalysisRequirement;
import io.github.wheelscout.analysis.FormatControl;
import io.github.wheelscout.analysis.ReleaseControl;
import io.github.wheelscout.index.PackageIndex;
import io.github.wheelscout.requirement.RequirementLine;
import io.github.wheelscout.requirement.RequirementsFile;
import io.github.wheelscout.tags.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Resolves the whole install as pip 26.2.1 does, per target: the set of packages {@code pip install} installs for
 * a list of requirements (and constraints) on a machine, every one with its version, its file and the chain that
 * brings it in; or, when pip's resolver finds no set of versions that works, the conflict.
 *
 * <p>Versions are chosen as pip's resolver chooses them: its resolvelib algorithm (newest candidate first, the
 * criterion pip prefers pinned first, backjumping on conflicts) over {@link io.github.wheelscout.analysis
 * .CandidateSelector}'s ranked candidates (the same choice as {@code check}). A release's dependencies come from
 * the index's release metadata ({@link PackageIndex#metadataAsync}: the JSON API's {@code requires_dist}, PEP 658
 * core metadata), markers evaluated on the target with the requested extras; its Requires-Python is checked against
 * the target's Python. A release whose metadata the index cannot give is resolved without dependencies and marked
 * so ({@link ResolvedPackage.Dependencies}): never counted as having none.
 *
 * <p>Index answers are asked concurrently through the index's futures, each project's files and each release's
 * metadata once for all targets; the resolution of each target runs on the threads that deliver them. The resolver
 * has no thread of its own.
 *
 * <pre>{@code
 * Resolver resolver = Resolver.builder(index).build();
 * Resolution slim = resolver.resolve(List.of(AnalysisRequirement.of("pandas")), Target.forImage("python:3.12-slim"));
 * slim.packages().forEach(p -> System.out.println(p.name() + " " + p.version() + " via " + p.viaText()));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Resolver {

    /** pip's round limit ({@code limit_how_complex_resolution_can_be}). */
    public static final int MAX_ROUNDS = 200_000;

    /** The options that change pip's choice of files and the round limit. */
    record Options(FormatControl formats, ReleaseControl releases, boolean preferBinary, int maxRounds) {
    }

    private final PackageIndex index;
    private final Options options;
    private final List<AnalysisRequirement> constraints;
    private final AnalysisListener listener;

    private Resolver(Builder builder) {
        this.index = builder.index;
        this.options = new Options(builder.formats, builder.releases, builder.preferBinary, builder.maxRounds);
        this.constraints = List.copyOf(builder.constraints);
        this.listener = builder.listener;
    }

    /** A builder of a resolver that reads from {@code index}, with pip's default options. */
    public static Builder builder(PackageIndex index) {
        return new Builder(index);
    }

    /**
     * Resolves {@code requirements} on every target, without blocking the caller: one resolution per target, in
     * target order. Index failures are part of the result (the projects concerned are marked unresolved), never an
     * exceptional completion; the future fails only on a bug.
     */
    public CompletableFuture<List<Resolution>> resolveAsync(List<AnalysisRequirement> requirements,
            List<Target> targets) {
        List<Target> targetList = List.copyOf(targets);
        if (targetList.isEmpty()) {
            throw new IllegalArgumentException("no target to resolve for");
        }
        List<AnalysisRequirement> reqs = List.copyOf(requirements);
        List<Map<String, String>> environments = new ArrayList<>();
        for (Target t : targetList) {
            environments.add(t.markerEnvironment());
        }
        IndexData data = new IndexData(index, environments, listener);
        // Every target starts with the user's requirements: ask for all of them at once.
        for (AnalysisRequirement r : reqs) {
            if (r.isIndexed()) {
                data.filesAsync(r.name());
            }
        }
        List<CompletableFuture<Resolution>> runs = new ArrayList<>();
        for (Target t : targetList) {
            runs.add(new TargetRun(t, data, options, reqs, constraints).start());
        }
        return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> runs.stream().map(CompletableFuture::join).toList());
    }

    /** {@link #resolveAsync}, waiting for the index. */
    public List<Resolution> resolve(List<AnalysisRequirement> requirements, List<Target> targets) {
        try {
            return resolveAsync(requirements, targets).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the index", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The resolution of {@code requirements} on one target, waiting for the index. */
    public Resolution resolve(List<AnalysisRequirement> requirements, Target target) {
        return resolve(requirements, List.of(target)).get(0);
    }

    /** Configures a {@link Resolver}. */
    public static final class Builder {
        private final PackageIndex index;
        private FormatControl formats = FormatControl.DEFAULT;
        private ReleaseControl releases = ReleaseControl.DEFAULT;
        private boolean preferBinary;
        private List<AnalysisRequirement> constraints = List.of();
        private AnalysisListener listener = AnalysisListener.NONE;
        private int maxRounds = MAX_ROUNDS;

        private Builder(PackageIndex index) {
            this.index = Objects.requireNonNull(index, "index");
        }

        /** {@code --no-binary} / {@code --only-binary}. */
        public Builder formats(FormatControl formats) {
            this.formats = Objects.requireNonNull(formats, "formats");
            return this;
        }

        /** {@code --pre} / {@code --all-releases} / {@code --only-final}. */
        public Builder releases(ReleaseControl releases) {
            this.releases = Objects.requireNonNull(releases, "releases");
            return this;
        }

        /** {@code --prefer-binary}. */
        public Builder preferBinary(boolean preferBinary) {
            this.preferBinary = preferBinary;
            return this;
        }

        /** Constraints ({@code -c}): they narrow the versions of whatever is installed, and install nothing. */
        public Builder constraints(List<AnalysisRequirement> constraints) {
            this.constraints = List.copyOf(constraints);
            return this;
        }

        /** The constraints ({@code -c} lines) of a requirements file, added to those already set. */
        public Builder requirementsFile(RequirementsFile file) {
            List<AnalysisRequirement> all = new ArrayList<>(constraints);
            file.requirements().stream().filter(RequirementLine::constraint).map(AnalysisRequirement::from)
                    .forEach(all::add);
            constraints = List.copyOf(all);
            return this;
        }

        /** Hears the progress of fetches (the total grows as dependencies are discovered). */
        public Builder listener(AnalysisListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The round limit after which the resolution gives up, as pip does ({@link #MAX_ROUNDS} by default). */
        public Builder maxRounds(int maxRounds) {
            if (maxRounds < 1) {
                throw new IllegalArgumentException("maxRounds must be positive: " + maxRounds);
            }
            this.maxRounds = maxRounds;
            return this;
        }

        /** The resolver. */
        public Resolver build() {
            return new Resolver(this);
        }
    }
}
