package io.github.wheelscout.analysis;

import io.github.wheelscout.filename.BuildTag;
import io.github.wheelscout.filename.InvalidWheelFilenameException;
import io.github.wheelscout.filename.SdistFilename;
import io.github.wheelscout.filename.WheelFilename;
import io.github.wheelscout.index.FileKind;
import io.github.wheelscout.index.IndexFile;
import io.github.wheelscout.index.ProjectFiles;
import io.github.wheelscout.name.ProjectName;
import io.github.wheelscout.tags.TagCompatibility;
import io.github.wheelscout.tags.Target;
import io.github.wheelscout.version.SpecifierSet;
import io.github.wheelscout.version.Version;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Chooses a project's file for one target exactly as pip 26 does: its {@code LinkEvaluator} (formats, wheel
 * tags, Requires-Python), the version filter with packaging's pre-release rules, the hash filter, the
 * candidate sort key ({@code CandidateEvaluator._sort_key}) and the resolver's PEP 592 rule for yanked files
 * ({@code Factory._iter_found_candidates}). The resolver tries versions newest first and does not fall back to
 * an older version that has a wheel when the newest has only an sdist.
 *
 * <p>Immutable and thread-safe; one per target.
 */
public final class CandidateSelector {

    private final Target target;
    /** What pip compares Requires-Python with: the interpreter's {@code major.minor.micro}. */
    private final Version pythonVersion;
    /** pip's {@code TargetPython.py_version}, {@code X.Y}, for legacy {@code -pyX.Y} sdists. */
    private final String pyVersion;
    private final int supportedTagCount;

    /** A selector for {@code target}. */
    public CandidateSelector(Target target) {
        this.target = target;
        this.pythonVersion = requiresPythonVersion(target);
        this.pyVersion = target.pythonVersion();
        this.supportedTagCount = target.supportedTags().size();
    }

    /** The target this selector chooses for. */
    public Target target() {
        return target;
    }

    /** pip's choice among {@code files} for {@code request}, with every file's verdict. */
    public Selection select(ProjectFiles files, SelectionRequest request) {
        ProjectName project = request.project();
        List<IndexFile> all = files.files();
        FileEvaluation[] verdicts = new FileEvaluation[all.size()];
        List<Integer> candidates = new ArrayList<>();
        Map<String, Optional<SpecifierSet>> requiresPythonCache = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            verdicts[i] = evaluate(all.get(i), request, requiresPythonCache);
            if (verdicts[i].status() == FileStatus.CANDIDATE) {
                candidates.add(i);
            }
        }

        // The version filter, with packaging's pre-release rules (pip's get_applicable_candidates).
        Boolean prereleases = request.releases().allowsPrereleases(project);
        List<Integer> applicable = request.specifier().filter(candidates, i -> verdicts[i].version(), prereleases);
        Set<Integer> kept = new HashSet<>(applicable);
        for (int i : candidates) {
            if (!kept.contains(i)) {
                Version v = verdicts[i].version();
                boolean onlyPrerelease = v.isPrerelease() && request.specifier().contains(v, true);
                verdicts[i] = onlyPrerelease
                        ? verdicts[i].withStatus(FileStatus.PRERELEASE,
                                () -> v + " is a pre-release; allow it with --pre or a specifier that names one")
                        : verdicts[i].withStatus(FileStatus.EXCLUDED_BY_SPECIFIER,
                                () -> v + " does not match " + describe(request.specifier()));
            }
        }

        applicable = filterHashes(applicable, verdicts, request.hashes());

        // pip sorts ascending by its key and the resolver walks the list from the end.
        List<Integer> sorted = new ArrayList<>(applicable);
        sorted.sort(sortKey(verdicts, request));
        Collections.reverse(sorted);
        boolean allYanked = applicable.stream().allMatch(i -> verdicts[i].file().yanked());
        boolean yankedAllowed = allYanked && request.isPinned();
        List<FileEvaluation> ranked = new ArrayList<>();
        Set<Version> versionsSeen = new HashSet<>();
        for (int i : sorted) {
            FileEvaluation e = verdicts[i];
            if (e.file().yanked() && !yankedAllowed) {
                String reason = e.file().yankedReason();
                verdicts[i] = e.withStatus(FileStatus.YANKED, () -> "yanked" + (reason == null || reason.isBlank()
                        ? "" : ": " + reason.strip()));
                continue;
            }
            if (versionsSeen.add(e.version())) {
                ranked.add(e);
            }
        }
        return new Selection(target, request, List.of(verdicts), ranked);
    }

    private FileEvaluation evaluate(IndexFile file, SelectionRequest request,
            Map<String, Optional<SpecifierSet>> requiresPythonCache) {
        ProjectName project = request.project();
        if (file.kind() == FileKind.OTHER) {
            return verdict(file, FileStatus.UNSUPPORTED_FORMAT, null, null, null, "not a wheel or a source archive");
        }
        // The checks run in pip's order; the version is read first only so that every verdict can name it.
        Version version;
        WheelFilename wheel = null;
        TagCompatibility compatibility = null;
        if (file.kind() == FileKind.WHEEL) {
            InvalidWheelFilenameException invalid = null;
            try {
                wheel = WheelFilename.parse(file.filename());
            } catch (InvalidWheelFilenameException e) {
                invalid = e;
            }
            Version named = wheel == null ? null : wheel.version();
            if (!request.formats().allowsBinary(project)) {
                return verdict(file, FileStatus.BINARY_NOT_ALLOWED, named, wheel, null,
                        "--no-binary applies to " + project);
            }
            if (invalid != null) {
                return verdict(file, FileStatus.INVALID_FILENAME, null, null, null, invalid.getMessage());
            }
            if (!wheel.name().equals(project)) {
                return verdict(file, FileStatus.DIFFERENT_PROJECT, null, null, null,
                        "a wheel of " + wheel.name() + ", not " + project);
            }
            compatibility = target.compatibility(wheel);
            if (!compatibility.isCompatible()) {
                return verdict(file, FileStatus.INCOMPATIBLE_WHEEL, named, wheel, compatibility,
                        compatibility::explanation);
            }
            version = named;
        } else {
            Optional<SdistFilename> sdist = SdistFilename.parse(file.filename(), project);
            Optional<Version> parsed = sdist.flatMap(f -> Version.tryParse(f.version()));
            if (!request.formats().allowsSource(project)) {
                return verdict(file, FileStatus.SOURCE_NOT_ALLOWED, parsed.orElse(null), null, null,
                        "--only-binary applies to " + project);
            }
            if (sdist.isEmpty()) {
                return verdict(file, FileStatus.INVALID_VERSION, null, null, null,
                        "no version of " + project + " in the filename");
            }
            String python = sdist.get().pythonVersion();
            if (python != null && !python.equals(pyVersion)) {
                return verdict(file, FileStatus.PYTHON_VERSION_MISMATCH, parsed.orElse(null), null, null,
                        "for Python " + python + ", not " + pyVersion);
            }
            if (parsed.isEmpty()) {
                return verdict(file, FileStatus.INVALID_VERSION, null, null, null,
                        "'" + sdist.get().version() + "' is not a PEP 440 version");
            }
            version = parsed.get();
        }
        String requiresPython = file.requiresPython();
        if (requiresPython != null) {
            // pip ignores a Requires-Python it cannot parse (or, here, one no version can be compared with).
            Optional<SpecifierSet> spec = requiresPythonCache.computeIfAbsent(requiresPython,
                    SpecifierSet::tryParseMatchable);
            if (spec.isPresent() && !spec.get().contains(pythonVersion)) {
                SpecifierSet excluding = spec.get();
                return verdict(file, FileStatus.REQUIRES_PYTHON, version, wheel, compatibility,
                        () -> "Requires-Python " + excluding + " excludes Python " + pythonVersion);
            }
        }
        TagCompatibility compatible = compatibility;
        return verdict(file, FileStatus.CANDIDATE, version, wheel, compatibility,
                compatible == null ? () -> "source distribution" : compatible::explanation);
    }

    private static FileEvaluation verdict(IndexFile file, FileStatus status, Version version, WheelFilename wheel,
            TagCompatibility compatibility, String detail) {
        return new FileEvaluation(file, status, version, wheel, compatibility, detail);
    }

    /** A verdict whose detail is written only when someone reads it (most files' details are never read). */
    private static FileEvaluation verdict(IndexFile file, FileStatus status, Version version, WheelFilename wheel,
            TagCompatibility compatibility, Supplier<String> detail) {
        return new FileEvaluation(file, status, version, wheel, compatibility, detail);
    }

    /**
     * pip's {@code filter_unallowed_hashes}: when some candidate has an allowed hash, keep those and the ones
     * with no hash at all; when none has, keep everything (pip then fails at download and reports the hash).
     */
    private static List<Integer> filterHashes(List<Integer> applicable, FileEvaluation[] verdicts,
            Map<String, Set<String>> allowed) {
        if (allowed.isEmpty()) {
            return applicable;
        }
        List<Integer> kept = new ArrayList<>();
        Set<Integer> keptSet = new HashSet<>();
        boolean anyMatch = false;
        for (int i : applicable) {
            IndexFile file = verdicts[i].file();
            boolean allowedHash = hashAllowed(file, allowed);
            if (file.hashes().isEmpty() || allowedHash) {
                kept.add(i);
                keptSet.add(i);
                anyMatch |= allowedHash;
            }
        }
        if (!anyMatch) {
            return applicable;
        }
        for (int i : applicable) {
            if (!keptSet.contains(i)) {
                verdicts[i] = verdicts[i].withStatus(FileStatus.HASH_MISMATCH, () -> "its hash is not among the --hash values");
            }
        }
        return kept;
    }

    private static boolean hashAllowed(IndexFile file, Map<String, Set<String>> allowed) {
        if (allowed.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, String> hash : file.hashes().entrySet()) {
            Set<String> digests = allowed.get(hash.getKey());
            if (digests != null && digests.contains(hash.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** pip's {@code CandidateEvaluator._sort_key}, ascending: the most preferred file sorts last. */
    private Comparator<Integer> sortKey(FileEvaluation[] verdicts, SelectionRequest request) {
        Map<String, Set<String>> hashes = request.hashes();
        boolean preferBinary = request.preferBinary();
        Comparator<FileEvaluation> key = Comparator
                .comparingInt((FileEvaluation e) -> hashAllowed(e.file(), hashes) ? 1 : 0)
                .thenComparingInt(e -> e.file().yanked() ? -1 : 0)
                .thenComparingInt(e -> preferBinary && e.isWheel() ? 1 : 0)
                .thenComparing(FileEvaluation::version)
                .thenComparingInt(e -> e.isWheel() ? -e.compatibility().priority() : -supportedTagCount)
                .thenComparing(e -> e.wheel() == null ? null : e.wheel().buildTag().orElse(null),
                        Comparator.nullsFirst(Comparator.<BuildTag>naturalOrder()));
        return (a, b) -> key.compare(verdicts[a], verdicts[b]);
    }

    private static String describe(SpecifierSet specifier) {
        return specifier.isEmpty() ? "any version" : specifier.toString();
    }

    /** The {@code major.minor.micro} pip checks Requires-Python against ({@code sys.version_info[:3]}). */
    private static Version requiresPythonVersion(Target target) {
        String full = target.pythonFullVersion().orElse(target.pythonVersion());
        List<BigInteger> release = Version.tryParse(full).map(Version::release).orElse(List.of());
        if (release.size() < 2) {
            return Version.parse(target.pythonVersion() + ".0");
        }
        BigInteger micro = release.size() > 2 ? release.get(2) : BigInteger.ZERO;
        return Version.parse(release.get(0) + "." + release.get(1) + "." + micro);
    }
}
