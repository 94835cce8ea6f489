package dev.registryclient.oci.listing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.testing.KitClients;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CatalogListingTest {
  private static final List<String> REPOSITORIES =
      IntStream.range(0, 12).mapToObj(i -> String.format("team/app%02d", i)).toList();

  @Test
  void catalogFollowsPagesWithTheCatalogScope() {
    try (TestRegistry registry = TestRegistry.builder().tokenAuth("alice", "secret").start();
        Transport transport = KitClients.as("alice", "secret")) {
      REPOSITORIES.forEach(r -> registry.image(r).layer(1).push("v1"));
      RegistryListings listings =
          RegistryListings.create(transport, KitClients.endpoints(registry));

      List<String> all = listings.catalog(OptionalInt.of(5), Optional.empty()).toList();

      assertThat(all).containsExactlyElementsOf(REPOSITORIES);
      assertThat(registry.journal().matching("GET", "/v2/_catalog"))
          .extracting(RecordedRequest::target)
          .containsExactly(
              "/v2/_catalog?n=5",
              "/v2/_catalog?last=team%2Fapp04&n=5",
              "/v2/_catalog?last=team%2Fapp09&n=5");
      assertThat(registry.journal().token())
          .extracting(RecordedRequest::target)
          .anyMatch(t -> t.contains("scope=registry%3Acatalog%3A*"));
    }
  }
}
