package io.github.wheelscout.cli;

import io.github.wheelscout.tags.Target;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The target options every command shares (a picocli mixin): images, each on one or more architectures, and/or one
 * machine described explicitly.
 *
 * <pre>
 *   --image IMAGE [--image IMAGE ...] [--arch ARCH ...]
 *   --python X.Y[t] --platform PLATFORM [--impl cp|pp|graalpy|...] [--abi ABI]
 * </pre>
 *
 * Every image is taken on every {@code --arch} (default x86_64); the explicit machine comes after the images.
 * Commands that work on one machine call {@link #single()}, the others {@link #targets()}. Mistakes in the
 * combination are usage errors (exit 2); an unknown image is an {@link IllegalArgumentException} with the known
 * patterns (exit 2 as well).
 */
public final class TargetOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "A container image from wheelscout's table: python:3.12-alpine, python:3.12-slim,"
                    + " pypy:3.11, public.ecr.aws/lambda/python:3.12, ubuntu:24.04, ... (repeatable).")
    List<String> images = new ArrayList<>();

    @Option(names = "--arch", paramLabel = "ARCH",
            description = "The images' architecture: x86_64/amd64 (default), aarch64/arm64, armv7l/arm/v7, armv6l,"
                    + " i686/386, ppc64le, s390x, riscv64, or Docker's linux/arm64 form (repeatable).")
    List<String> arches = new ArrayList<>();

    @Option(names = "--python", paramLabel = "X.Y[t]",
            description = "Python version of an explicit machine: 3.12, 3.13t (free-threaded), 3.12.4.")
    String python;

    @Option(names = "--platform", paramLabel = "PLATFORM",
            description = "The explicit machine's newest platform tag: manylinux_2_36_x86_64, musllinux_1_2_aarch64,"
                    + " linux_armv6l. The tags below it are derived as on a real machine.")
    String platform;

    @Option(names = "--impl", paramLabel = "IMPL",
            description = "Implementation of the explicit machine: cp (default), pp, graalpy, or another name.")
    String impl;

    @Option(names = "--abi", paramLabel = "ABI",
            description = "ABI tag of the explicit machine, when not the one packaging derives (cp312, cp313t,"
                    + " pypy311_pp73, graalpy242_311_native, none).")
    String abi;

    /** Whether any target option was given. */
    public boolean isEmpty() {
        return images.isEmpty() && arches.isEmpty() && python == null && platform == null && impl == null
                && abi == null;
    }

    /**
     * Every target the options name: each image on each architecture, then the explicit machine.
     *
     * @throws ParameterException if none is named or the options do not fit together
     * @throws IllegalArgumentException if an image, architecture, version or platform is not valid
     */
    public List<Target> targets() {
        String imagePlatform = null;
        boolean explicit = python != null || impl != null || abi != null
                || (platform != null && !isDockerPlatform(platform));
        if (platform != null && isDockerPlatform(platform)) {
            // Docker's --platform linux/arm64, given with --image: the images' architecture.
            if (images.isEmpty() || python != null) {
                throw usage("--platform takes a wheel platform tag such as manylinux_2_36_aarch64 (with --python);"
                        + " for an image's architecture use --arch " + platform);
            }
            imagePlatform = platform;
        }
        if (!arches.isEmpty() && images.isEmpty()) {
            throw usage("--arch applies to --image; describe an explicit machine's architecture in --platform"
                    + " (e.g. manylinux_2_36_aarch64)");
        }
        if (explicit && (python == null || platform == null)) {
            throw usage("an explicit target needs both --python X.Y and --platform PLATFORM"
                    + " (e.g. --python 3.12 --platform musllinux_1_2_x86_64)");
        }
        if (images.isEmpty() && !explicit) {
            throw usage("no target: give --image IMAGE [--arch ARCH], or --python X.Y --platform PLATFORM");
        }
        List<String> archList = new ArrayList<>(arches);
        if (imagePlatform != null) {
            archList.add(imagePlatform);
        }
        if (archList.isEmpty()) {
            archList.add(null);
        }
        List<Target> out = new ArrayList<>();
        for (String image : images) {
            for (String arch : archList) {
                out.add(Target.forImage(image, arch));
            }
        }
        if (explicit) {
            out.add(Target.fromPlatform(python, platform, impl, abi));
        }
        return out;
    }

    /**
     * The one target the options name.
     *
     * @throws ParameterException if they name none or several
     */
    public Target single() {
        List<Target> targets = targets();
        if (targets.size() != 1) {
            throw usage("this command takes one target; " + targets.size() + " were given ("
                    + String.join(", ", targets.stream().map(Target::displayName).toList()) + ")");
        }
        return targets.get(0);
    }

    private static boolean isDockerPlatform(String value) {
        return value.contains("/");
    }

    private ParameterException usage(String message) {
        CommandLine cli = mixee != null ? mixee.commandLine() : null;
        return new ParameterException(cli, message);
    }
}
