package dev.p2pcopy.protocol.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CreditWindowTest {

    @Test
    void acquireWaitsUntilEnoughIsGranted() throws Exception {
        CreditWindow credit = new CreditWindow();
        credit.grant(5);
        CompletableFuture<Void> taken = CompletableFuture.runAsync(() -> credit.acquire(8));
        assertThat(taken).isNotDone();
        credit.grant(3);
        taken.get(5, TimeUnit.SECONDS);
        assertThat(credit.available()).isZero();
    }

    @Test
    void abortWakesAWaiterWithTheFailure() {
        CreditWindow credit = new CreditWindow();
        TransferException failure = new TransferException(FailureReason.PEER_FAILED, "gone");
        CompletableFuture<Void> taken = CompletableFuture.runAsync(() -> credit.acquire(1));
        credit.abort(failure);
        assertThatThrownBy(() -> taken.get(5, TimeUnit.SECONDS)).hasCause(failure);
        assertThatThrownBy(() -> credit.acquire(0)).isSameAs(failure);
    }

    @Test
    void anInterruptedWaiterGivesUp() throws Exception {
        CreditWindow credit = new CreditWindow();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                credit.acquire(1);
                outcome.complete(null);
            } catch (TransferException e) {
                outcome.complete(e);
            }
        });
        waiter.start();
        waiter.interrupt();
        assertThat(outcome.get(5, TimeUnit.SECONDS))
                .isInstanceOf(TransferException.class)
                .hasMessage("The transfer was interrupted.");
    }
}
