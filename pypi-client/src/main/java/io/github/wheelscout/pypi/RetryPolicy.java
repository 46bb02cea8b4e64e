package io.github.wheelscout.pypi;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a request is retried after a transient failure (a connection failure, a
 * timeout, a body cut short, or a 429, 500, 502, 503 or 504): up to {@code maxAttempts} attempts in all, waiting
 * between them an exponential backoff ({@code initialBackoff} doubled each time, at most {@code maxBackoff})
 * with full jitter, or what the server's {@code Retry-After} asks, capped at {@code maxRetryAfter}.
 *
 * @param maxAttempts    attempts in all, at least 1 (1 = no retry)
 * @param initialBackoff the backoff before the first retry
 * @param maxBackoff     the longest backoff
 * @param maxRetryAfter  the longest wait a {@code Retry-After} header can impose
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    /** 4 attempts, 250 ms doubling up to 5 s, {@code Retry-After} honoured up to 30 s. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(30));

    /** No retries at all. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /** Checks the fields. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    /** The backoff before retry number {@code retry} (1-based), before jitter: initial x 2^(retry-1), capped. */
    Duration backoff(int retry) {
        long initial = initialBackoff.toMillis();
        long millis = initial << Math.min(retry - 1, 20);
        return Duration.ofMillis(Math.min(millis < 0 ? Long.MAX_VALUE : millis, maxBackoff.toMillis()));
    }
}
