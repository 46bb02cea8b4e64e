package io.github.wheelscout.resolve;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Thrown inside a resolution round when an index answer it needs has not arrived yet: the round is abandoned with
 * nothing changed and replayed once {@link #future} completes. Carries no stack trace (it is control flow).
 */
final class Pending extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Completes when every answer the round was waiting for is there. */
    final transient CompletableFuture<?> future;

    private Pending(CompletableFuture<?> future) {
        super(null, null, false, false);
        this.future = future;
    }

    /** Throws when any of {@code futures} is not done yet, waiting for all of them at once. */
    static void awaitAll(Collection<? extends CompletableFuture<?>> futures) {
        List<CompletableFuture<?>> waiting = new ArrayList<>();
        for (CompletableFuture<?> f : futures) {
            if (!f.isDone()) {
                waiting.add(f);
            }
        }
        if (!waiting.isEmpty()) {
            throw new Pending(waiting.size() == 1 ? waiting.get(0)
                    : CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)));
        }
    }

    /** Throws when {@code future} is not done yet. */
    static void await(CompletableFuture<?> future) {
        if (!future.isDone()) {
            throw new Pending(future);
        }
    }
}
