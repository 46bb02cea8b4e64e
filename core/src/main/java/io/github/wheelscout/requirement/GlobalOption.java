package io.github.wheelscout.requirement;

import io.github.wheelscout.util.UrlRedaction;
import java.util.Objects;

/**
 * An option line of a requirements file that applies to the whole install ({@code --index-url URL},
 * {@code --pre}, {@code --only-binary :all:}, ...), kept as read.
 *
 * @param origin the file and line
 * @param name the option's canonical long name, e.g. {@code --index-url} (also for {@code -i} or {@code --pypi-url})
 * @param value its argument, or null for a flag such as {@code --pre}
 */
public record GlobalOption(Origin origin, String name, String value) {

    /** Validates the parts. */
    public GlobalOption {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(name, "name");
    }

    /** {@code --name value} or {@code --name}, credentials in the value redacted ({@code https://user:****@host/}). */
    @Override
    public String toString() {
        return value == null ? name : name + " " + UrlRedaction.text(value);
    }
}
