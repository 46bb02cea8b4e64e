package io.github.wheelscout.advise;

import io.github.wheelscout.name.ProjectName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Says what a source build of a project needs on an image, and whether the image's distribution packages the
 * project, from the bundled data: Alpine's own build dependencies for the project ({@link AlpineData}), the
 * rules for what pip and the image provide, and wheelscout's Debian/Ubuntu mapping. It never guesses: a project
 * Alpine does not package gives no answer, and a package without a known translation is reported in
 * {@link SourceBuildNeeds#unknown()}.
 */
public final class BuildNeedsAdvisor {

    private final AlpineData alpine;
    private final AlpineRules alpineRules;
    private final DebianRules debianRules;
    private final DebianPythonPackages debianPython;

    private BuildNeedsAdvisor() {
        this.alpine = AlpineData.bundled();
        this.alpineRules = AlpineRules.bundled();
        this.debianRules = DebianRules.bundled();
        this.debianPython = DebianPythonPackages.bundled();
    }

    private static final class Holder {
        static final BuildNeedsAdvisor BUNDLED = new BuildNeedsAdvisor();
    }

    /** The advisor over the data bundled with wheelscout. */
    public static BuildNeedsAdvisor bundled() {
        return Holder.BUNDLED;
    }

    /** The Alpine data the advice is derived from. */
    public AlpineData alpineData() {
        return alpine;
    }

    /**
     * What building {@code project} from source with pip needs on {@code image}.
     *
     * @return empty when Alpine does not package the project in the snapshot used (the needs are then
     *     unknown: say so, with {@link #snapshotFor(ImageContext)})
     */
    public Optional<SourceBuildNeeds> sourceBuild(ProjectName project, ImageContext image) {
        Objects.requireNonNull(project, "project");
        SnapshotChoice snapshot = snapshotFor(image);
        List<AlpinePackage> packages = alpine.packages(project, snapshot.snapshot().label());
        if (packages.isEmpty()) {
            return Optional.empty();
        }
        AlpinePackage pkg = packages.get(0);
        ApkLists apk = apkLists(pkg, image.python());
        return Optional.of(image.os() == ImageContext.Os.ALPINE
                ? alpineNeeds(project, image, pkg, snapshot, apk)
                : debianNeeds(project, image, pkg, snapshot, apk));
    }

    /**
     * What any compiled build needs on {@code image}, whatever the project: the C toolchain ({@code build-base},
     * {@code build-essential}; nothing on a full python image, which has it) and, where Python comes from the
     * distribution, its headers ({@code python3-dev}). For a project whose own needs are not known, this is
     * the part that is.
     */
    public List<String> compilerPackages(ImageContext image) {
        Objects.requireNonNull(image, "image");
        List<String> out = new ArrayList<>();
        if (image.os() == ImageContext.Os.ALPINE) {
            out.add("build-base");
        } else if (!(image.fullPythonImage()
                && debianRules.fullImagePackages(image.release()).contains("build-essential"))) {
            out.add("build-essential");
        }
        if (image.python() == ImageContext.PythonSource.DISTRIBUTION) {
            out.add("python3-dev");
        }
        return List.copyOf(out);
    }

    /** The Alpine snapshot whose packaging the advice for {@code image} is derived from. */
    public SnapshotChoice snapshotFor(ImageContext image) {
        if (image.os() == ImageContext.Os.ALPINE) {
            return alpine.buildSnapshot(image.alpineRelease());
        }
        SnapshotChoice newest = alpine.buildSnapshot(Optional.empty());
        return new SnapshotChoice(newest.snapshot(), SnapshotMatch.NEAREST, "Debian and Ubuntu advice maps Alpine's"
                + " newest packaging (" + newest.snapshot().label() + " of " + newest.snapshot().date()
                + ") to Debian package names");
    }

    /**
     * Whether the distribution of {@code image} packages {@code project} for its own Python ({@code apk add
     * py3-numpy}), with versions to check against the requirement. Not applicable to python/pypy images, whose
     * Python does not see distribution packages; unknown where wheelscout has no data (Ubuntu, Debian other than
     * bookworm, Alpine before 3.17).
     */
    public DistroPackageLookup distroPackages(ProjectName project, ImageContext image) {
        Objects.requireNonNull(project, "project");
        if (image.python() == ImageContext.PythonSource.IMAGE) {
            return new DistroPackageLookup(DistroPackageLookup.Status.NOT_APPLICABLE, List.of(),
                    image + " runs its own Python from /usr/local, which does not import distribution packages");
        }
        return switch (image.os()) {
            case ALPINE -> alpine.availability(project, image.alpineRelease());
            case DEBIAN -> image.release().filter(DebianPythonPackages.RELEASE::equals).isPresent()
                    ? debianPython.lookup(project)
                    : new DistroPackageLookup(DistroPackageLookup.Status.UNKNOWN, List.of(),
                            "no python3-* package data for Debian " + image.release().orElse("(release not known)")
                                    + "; wheelscout has it for " + DebianPythonPackages.RELEASE + " only");
            case UBUNTU -> new DistroPackageLookup(DistroPackageLookup.Status.UNKNOWN, List.of(),
                    "no python3-* package data for Ubuntu");
        };
    }

    /** Alpine's lists after the pip/image rules, before any translation. */
    private record ApkLists(List<String> build, List<String> runtimeFromDepends, List<OmittedPackage> omitted,
            boolean rust) {
    }

    private ApkLists apkLists(AlpinePackage pkg, ImageContext.PythonSource python) {
        Set<String> names = new HashSet<>();
        for (ApkDependency d : pkg.makedepends()) {
            names.add(d.name());
        }
        boolean compiled = pkg.compiled() == Compiled.YES;
        LinkedHashSet<String> build = new LinkedHashSet<>();
        LinkedHashSet<String> implied = new LinkedHashSet<>();
        List<OmittedPackage> omitted = new ArrayList<>();
        if (compiled) {
            // abuild installs build-base implicitly, so the data almost never lists it
            build.add("build-base");
        }
        boolean rust = false;
        for (ApkDependency d : pkg.makedepends()) {
            if (d.conflict()) {
                continue;
            }
            rust |= alpineRules.rust(d.name()).isPresent();
            Optional<AlpineRules.Provided> rule = alpineRules.provided(d.name(), names);
            if (rule.isEmpty()) {
                build.add(d.name()); // version constraints belong to the aports snapshot, not the user's image
                continue;
            }
            AlpineRules.Provided p = rule.get();
            boolean keep = switch (p.by()) {
                case PIP, PYTHON -> false;
                case IMAGE_PYTHON -> python == ImageContext.PythonSource.DISTRIBUTION;
                case BUILD_BASE -> !compiled;
            };
            if (keep) {
                build.add(d.name());
            } else if (!d.name().equals("build-base")) {
                omitted.add(new OmittedPackage(d.toString(), p.why()));
            }
            if (!keep && p.implies() != null) {
                implied.add(p.implies());
            }
        }
        for (String i : implied) {
            if (!build.contains(i) && !(i.equals("cargo") && build.contains("rust"))) {
                build.add(i);
            }
        }
        List<String> runtime = new ArrayList<>();
        for (ApkDependency d : pkg.depends()) {
            if (d.conflict()) {
                continue; // "!name": a conflict marker, not a package to install
            }
            Optional<AlpineRules.Provided> rule = alpineRules.provided(d.name(), Set.of());
            boolean keep = rule.isEmpty()
                    || rule.get().by() == AlpineRules.ProvidedBy.IMAGE_PYTHON
                            && python == ImageContext.PythonSource.DISTRIBUTION;
            if (keep) {
                if (!runtime.contains(d.name())) {
                    runtime.add(d.name());
                }
            } else {
                omitted.add(new OmittedPackage(d.toString(), "at run time: " + rule.get().why()));
            }
        }
        return new ApkLists(List.copyOf(build), runtime, omitted, rust);
    }

    private SourceBuildNeeds alpineNeeds(ProjectName project, ImageContext image, AlpinePackage pkg,
            SnapshotChoice snapshot, ApkLists apk) {
        LinkedHashSet<String> runtime = new LinkedHashSet<>();
        List<UnknownPackage> unknown = new ArrayList<>();
        List<OmittedPackage> omitted = new ArrayList<>(apk.omitted());
        for (String b : apk.build()) {
            Optional<AlpineRules.Runtime> r = alpineRules.runtime(b, image.alpineRelease());
            if (r.isPresent()) {
                runtime.addAll(r.get().packages());
            } else {
                unknown.add(new UnknownPackage(b, UnknownPackage.Stage.RUNTIME, "which Alpine package holds the"
                        + " libraries of " + b + " is not in wheelscout's table"));
            }
        }
        runtime.addAll(apk.runtimeFromDepends());
        return new SourceBuildNeeds(project, image, pkg, snapshot, pkg.compiled(), apk.rust(), apk.build(),
                List.copyOf(runtime), unknown, omitted);
    }

    private SourceBuildNeeds debianNeeds(ProjectName project, ImageContext image, AlpinePackage pkg,
            SnapshotChoice snapshot, ApkLists apk) {
        Optional<String> release = image.release();
        Set<String> preinstalled = image.fullPythonImage() ? debianRules.fullImagePackages(release) : Set.of();
        String preinstalledReason = "already in " + image + " (built on buildpack-deps"
                + release.map(r -> ":" + r).orElse("") + ")";
        LinkedHashSet<String> build = new LinkedHashSet<>();
        LinkedHashSet<String> runtime = new LinkedHashSet<>();
        List<UnknownPackage> unknown = new ArrayList<>();
        List<OmittedPackage> omitted = new ArrayList<>(apk.omitted());
        for (String a : apk.build()) {
            Optional<DebianRules.Mapping> m = debianRules.fromApk(a, release);
            if (m.isEmpty()) {
                unknown.add(new UnknownPackage(a, UnknownPackage.Stage.BUILD, "no Debian equivalent of the Alpine"
                        + " package " + a + " is known"));
                continue;
            }
            if (m.get().packages().isEmpty()) {
                omitted.add(new OmittedPackage(a, m.get().why()));
                continue;
            }
            for (String d : m.get().packages()) {
                if (preinstalled.contains(d)) {
                    omitted.add(new OmittedPackage(d, preinstalledReason));
                    continue; // its libraries come with it
                }
                build.add(d);
                Optional<DebianRules.Mapping> r = debianRules.runtime(d, release);
                if (r.isPresent()) {
                    runtime.addAll(r.get().packages());
                } else {
                    unknown.add(new UnknownPackage(d, UnknownPackage.Stage.RUNTIME, "the runtime library package"
                            + " of " + d + " is known for " + runtimeReleases() + " only, not for "
                            + release.map(x -> image.os() + " " + x).orElse("an image whose release is not known")));
                }
            }
        }
        for (String a : apk.runtimeFromDepends()) {
            Optional<DebianRules.Mapping> m = debianRules.fromApk(a, release);
            if (m.isEmpty()) {
                unknown.add(new UnknownPackage(a, UnknownPackage.Stage.RUNTIME, "no Debian equivalent of the Alpine"
                        + " runtime package " + a + " is known"
                        + release.map(x -> " for " + image.os() + " " + x).orElse("")));
                continue;
            }
            for (String d : m.get().packages()) {
                if (!preinstalled.contains(d)) {
                    runtime.add(d);
                }
            }
        }
        return new SourceBuildNeeds(project, image, pkg, snapshot, pkg.compiled(), apk.rust(), List.copyOf(build),
                List.copyOf(runtime), unknown, omitted);
    }

    private String runtimeReleases() {
        return String.join(", ", debianRules.runtimeReleases());
    }
}
