package dev.registryclient.oci.client;

import dev.registryclient.oci.pull.TransferScope;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Runs a transfer (a pull, a copy) on the client's workers for {@code executeAsync()}: cancelling
 * the future cancels the transfer's scope, which closes its streams and stops its workers.
 */
final class AsyncTransfer {
  private AsyncTransfer() {}

  static <T> CompletableFuture<T> start(Executor executor, TransferScope scope, Supplier<T> run) {
    CompletableFuture<T> future = new CompletableFuture<>();
    future.whenComplete(
        (result, failure) -> {
          if (future.isCancelled()) {
            scope.cancel("cancelled");
          }
        });
    try {
      executor.execute(
          () -> {
            try {
              future.complete(run.get());
            } catch (RuntimeException | Error e) {
              future.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("the registry client is closed", e);
    }
    return future;
  }
}
