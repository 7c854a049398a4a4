package vn.gov.par.console.services;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An answer from a service asked for with {@link PlatformApi#meanwhile}: {@link #get()} waits for it and, when the
 * service refused, throws the refusal itself, as the call made in place would.
 */
public final class Pending<T> {

    private final CompletableFuture<T> answer;

    Pending(CompletableFuture<T> answer) {
        this.answer = answer;
    }

    public T get() {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException refusal) {
                throw refusal;
            }
            throw e;
        }
    }
}
