package io.github.wheelscout.requirement;

import io.github.wheelscout.util.PythonRepr;

/**
 * A marker names a variable the environment does not define, as packaging's {@code UndefinedEnvironmentName}
 * (for example {@code extras} outside a lock file). The message is packaging's: the name, quoted
 * ({@code 'extras'}).
 */
public final class UndefinedEnvironmentNameException extends MarkerEvaluationException {

    private static final long serialVersionUID = 1L;

    private final String name;

    UndefinedEnvironmentNameException(String name) {
        super(PythonRepr.of(name));
        this.name = name;
    }

    /** The variable that is missing. */
    public String name() {
        return name;
    }
}
