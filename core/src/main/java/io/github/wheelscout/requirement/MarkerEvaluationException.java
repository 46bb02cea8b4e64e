package io.github.wheelscout.requirement;

/**
 * A marker that cannot be evaluated in an environment: see {@link UndefinedComparisonException} and
 * {@link UndefinedEnvironmentNameException}.
 */
public abstract sealed class MarkerEvaluationException extends IllegalArgumentException
        permits UndefinedComparisonException, UndefinedEnvironmentNameException {

    private static final long serialVersionUID = 1L;

    MarkerEvaluationException(String message) {
        super(message);
    }
}
