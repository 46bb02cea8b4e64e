package io.github.wheelscout.requirement;

/**
 * A marker comparison that has no meaning, as packaging's {@code UndefinedComparison}: {@code ~=} or {@code ===}
 * between strings that are not versions ({@code os_name ~= "posix"}). The message is packaging's:
 * {@code Undefined <Op('~=')> on 'posix' and 'posix'.}
 */
public final class UndefinedComparisonException extends MarkerEvaluationException {

    private static final long serialVersionUID = 1L;

    UndefinedComparisonException(String message) {
        super(message);
    }
}
