package io.github.wheelscout.advise.dockerfile;

import java.util.Map;
import java.util.Set;

/**
 * The command-line options of {@code pip install}/{@code pip wheel} and {@code uv pip install}/{@code sync}: which
 * take a value (so the next word is not a requirement) and which are flags. Names follow pip 26 and uv 0.8.
 */
final class PipOptions {

    private PipOptions() {
    }

    /** pip's short options that take a value, and the long option each stands for. */
    static final Map<Character, String> PIP_SHORT_VALUE = Map.of('r', "--requirement", 'c', "--constraint",
            'e', "--editable", 't', "--target", 'i', "--index-url", 'f', "--find-links", 'w', "--wheel-dir",
            'd', "--dest", 'C', "--config-settings");

    /** pip's short flags. */
    static final Set<Character> PIP_SHORT_FLAGS = Set.of('U', 'I', 'q', 'v', 'h', 'V', 'y');

    /** pip's long options that take a value. */
    static final Set<String> PIP_LONG_VALUE = Set.of("--requirement", "--constraint", "--editable", "--target",
            "--platform", "--python-version", "--implementation", "--abi", "--root", "--prefix", "--src",
            "--upgrade-strategy", "--config-settings", "--global-option", "--build-option", "--report",
            "--index-url", "--extra-index-url", "--find-links", "--no-binary", "--only-binary", "--progress-bar",
            "--root-user-action", "--log", "--log-file", "--proxy", "--retries", "--timeout", "--exists-action",
            "--trusted-host", "--cert", "--client-cert", "--cache-dir", "--python", "--use-feature",
            "--use-deprecated", "--keyring-provider", "--resume-retries", "--wheel-dir", "--dest", "--group",
            "--build-dir", "--hash", "--install-option");

    /** pip's long flags. */
    static final Set<String> PIP_LONG_FLAGS = Set.of("--upgrade", "--force-reinstall", "--ignore-installed",
            "--ignore-requires-python", "--no-build-isolation", "--use-pep517", "--no-use-pep517",
            "--check-build-dependencies", "--break-system-packages", "--no-deps", "--pre", "--no-index",
            "--prefer-binary", "--require-hashes", "--no-clean", "--compile", "--no-compile",
            "--no-warn-script-location", "--no-warn-conflicts", "--user", "--dry-run", "--quiet", "--verbose",
            "--no-cache-dir", "--disable-pip-version-check", "--no-color", "--isolated", "--no-input",
            "--require-virtualenv", "--no-python-version-warning", "--help", "--version", "--debug", "--force",
            "--no-build", "--only-deps", "--exists-action-ignore");

    /** uv's short options that take a value. */
    static final Map<Character, String> UV_SHORT_VALUE = Map.of('r', "--requirement", 'c', "--constraint",
            'e', "--editable", 'i', "--index-url", 'f', "--find-links", 'p', "--python", 'P', "--upgrade-package",
            'C', "--config-setting", 'b', "--build-constraint", 't', "--target");

    /** uv's short flags. */
    static final Set<Character> UV_SHORT_FLAGS = Set.of('U', 'q', 'v', 'n', 'h', 'V');

    /** uv's long options that take a value. */
    static final Set<String> UV_LONG_VALUE = Set.of("--requirement", "--requirements", "--constraint",
            "--constraints", "--override", "--overrides", "--build-constraint", "--build-constraints", "--editable",
            "--extra", "--index-url", "--extra-index-url", "--index", "--default-index", "--find-links",
            "--no-binary", "--only-binary", "--no-build-package", "--python", "--target", "--prefix",
            "--upgrade-package", "--reinstall-package", "--index-strategy", "--keyring-provider",
            "--config-setting", "--no-build-isolation-package", "--resolution", "--prerelease", "--exclude-newer",
            "--link-mode", "--python-version", "--python-platform", "--cache-dir", "--color", "--config-file",
            "--directory", "--project", "--torch-backend", "--group", "--refresh-package", "--allow-insecure-host",
            "--fork-strategy", "--no-binary-package", "--only-binary-package", "--exclude-newer-package");

    /** uv's long flags. */
    static final Set<String> UV_LONG_FLAGS = Set.of("--all-extras", "--no-build", "--system",
            "--break-system-packages", "--no-deps", "--upgrade", "--reinstall", "--no-build-isolation",
            "--compile-bytecode", "--no-cache", "--require-hashes", "--no-verify-hashes", "--verify-hashes",
            "--strict", "--dry-run", "--quiet", "--verbose", "--native-tls", "--offline", "--no-progress",
            "--no-config", "--refresh", "--no-sources", "--exact", "--allow-empty-requirements", "--no-index",
            "--user", "--pre", "--only-deps", "--no-python-downloads", "--help", "--version", "--preview",
            "--no-preview", "--managed-python", "--no-managed-python", "--seed", "--no-annotate", "--no-header");
}
