package io.github.wheelscout.advise.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code pip install}, {@code pip wheel}, {@code uv pip install}, {@code uv pip sync} or {@code pip-sync} found
 * in a {@code RUN} instruction, with what it installs and the options that change what pip picks.
 *
 * @param line             the line of the {@code RUN} instruction
 * @param tool             pip, uv or pip-tools
 * @param action           install, wheel or sync
 * @param command          the command as found (after variable expansion), for messages
 * @param requirementFiles the {@code -r} files (and {@code sync}'s file arguments)
 * @param constraintFiles  the {@code -c} files
 * @param requirements     the requirements given inline ({@code "numpy<2"}), as written after shell quoting
 * @param localPaths       local paths, archives, URLs and globs installed ({@code .}, {@code /wheels/*.whl})
 * @param noBinary         the {@code --no-binary} values, comma lists split
 * @param onlyBinary       the {@code --only-binary} values, comma lists split
 * @param preferBinary     whether {@code --prefer-binary} is given
 * @param pre              whether {@code --pre} is given
 * @param noIndex          whether {@code --no-index} is given
 * @param indexUrl         the {@code --index-url} (or uv's {@code --default-index}), if given
 * @param extraIndexUrls   the {@code --extra-index-url} (or uv's {@code --index}) values
 * @param findLinks        the {@code --find-links} values
 * @param environment      the {@code PIP_*} and {@code UV_*} variables in effect (from ENV, ARG or the command line),
 *                         which configure pip like the options do
 * @param wheelSource      for an install of wheel files another stage built with {@code pip wheel}: that command
 */
public record PipCommand(int line, Tool tool, Action action, String command, List<RequirementFile> requirementFiles,
        List<RequirementFile> constraintFiles, List<String> requirements, List<String> localPaths,
        List<String> noBinary, List<String> onlyBinary, boolean preferBinary, boolean pre, boolean noIndex,
        Optional<String> indexUrl, List<String> extraIndexUrls, List<String> findLinks,
        Map<String, String> environment, Optional<PipCommand> wheelSource) {

    /** The installer. */
    public enum Tool {
        /** pip, by any name ({@code pip3}, {@code python -m pip}). */
        PIP,
        /** uv's pip interface ({@code uv pip}). */
        UV,
        /** pip-tools' {@code pip-sync}. */
        PIP_TOOLS
    }

    /** What the command does. */
    public enum Action {
        /** Installs into the environment. */
        INSTALL,
        /** Builds or downloads wheels into a directory ({@code pip wheel}). */
        WHEEL,
        /** Makes the environment match requirement files exactly ({@code uv pip sync}, {@code pip-sync}). */
        SYNC
    }

    /** Checks the fields and freezes the collections. */
    public PipCommand {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(command, "command");
        requirementFiles = List.copyOf(requirementFiles);
        constraintFiles = List.copyOf(constraintFiles);
        requirements = List.copyOf(requirements);
        localPaths = List.copyOf(localPaths);
        noBinary = List.copyOf(noBinary);
        onlyBinary = List.copyOf(onlyBinary);
        Objects.requireNonNull(indexUrl, "indexUrl");
        extraIndexUrls = List.copyOf(extraIndexUrls);
        findLinks = List.copyOf(findLinks);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(wheelSource, "wheelSource");
    }
}
