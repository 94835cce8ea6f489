/**
 * JMH benchmarks of registry-client: the digest path, the store's copy loop, Link pagination, the
 * token cache and parallel blob downloads from the in-process test kit on loopback.
 *
 * <p>Throughput benchmarks that move bytes count one operation per MiB, so their {@code ops/s} are
 * MiB/s. Run them from the shaded jar, never from {@code verify}:
 *
 * <pre>{@code
 * ./mvnw -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar
 * }</pre>
 */
package dev.registryclient.benchmarks;
