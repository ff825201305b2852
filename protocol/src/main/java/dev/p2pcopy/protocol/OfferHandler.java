package dev.p2pcopy.protocol;

import dev.p2pcopy.protocol.manifest.Manifest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Decides whether the receiver accepts what the sender offers. */
@FunctionalInterface
public interface OfferHandler {

    /** Accepts every offer without asking. */
    OfferHandler ACCEPT_ALL = manifest -> CompletableFuture.completedFuture(true);

    /**
     * Called once the manifest has arrived and passed the safety checks. Complete with {@code
     * true} to accept, {@code false} to decline; the sender is told either way.
     */
    CompletionStage<Boolean> onOffer(Manifest manifest);
}
