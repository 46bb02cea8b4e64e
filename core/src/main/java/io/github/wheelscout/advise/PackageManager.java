package io.github.wheelscout.advise;

import java.util.List;

/** The system package manager of an image family, and the install line a user types for it. */
public enum PackageManager {
    /** Alpine's apk. */
    APK,
    /** Debian's and Ubuntu's apt. */
    APT;

    /**
     * The command that installs {@code packages}, as a user types it in a Dockerfile {@code RUN}:
     * {@code apk add --no-cache a b} or {@code apt-get install -y --no-install-recommends a b} (the caller adds
     * {@code apt-get update}). Empty when there is nothing to install.
     */
    public String installCommand(List<String> packages) {
        if (packages.isEmpty()) {
            return "";
        }
        String list = String.join(" ", packages);
        return switch (this) {
            case APK -> "apk add --no-cache " + list;
            case APT -> "apt-get install -y --no-install-recommends " + list;
        };
    }

    /** {@code apk} or {@code apt}. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
