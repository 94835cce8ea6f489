package dev.registryclient.oci.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.testing.KitClients;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TagListingTest {
  private static final List<String> TAGS =
      IntStream.range(0, 237).mapToObj(i -> String.format("t%03d", i)).toList();

  private static TestRegistry registry;
  private static Transport transport;
  private static RegistryListings listings;

  @BeforeAll
  static void start() {
    registry = TestRegistry.builder().tagPageSize(50).start();
    PushedImage image = registry.image("team/app").layer(10).push(TAGS.get(0));
    for (String tag : TAGS.subList(1, TAGS.size())) {
      registry.pushManifest("team/app", tag, image.mediaType(), image.manifest());
    }
    transport = KitClients.anonymous();
    listings = RegistryListings.create(transport, KitClients.endpoints(registry));
  }

  @AfterAll
  static void stop() {
    transport.close();
    registry.close();
  }

  @BeforeEach
  void forget() {
    registry.journal().clear();
  }

  private static List<String> tagRequests() {
    return registry.journal().matching("GET", "/v2/team/app/tags/list").stream()
        .map(RecordedRequest::target)
        .toList();
  }

  @Test
  void twoHundredThirtySevenTagsComeInFivePagesInOrder() {
    List<String> tags = listings.tags("team/app").toList();

    assertThat(tags).containsExactlyElementsOf(TAGS);
    assertThat(tagRequests())
        .containsExactly(
            "/v2/team/app/tags/list",
            "/v2/team/app/tags/list?last=t049&n=50",
            "/v2/team/app/tags/list?last=t099&n=50",
            "/v2/team/app/tags/list?last=t149&n=50",
            "/v2/team/app/tags/list?last=t199&n=50");
  }

  @Test
  void firstTagArrivesBeforeTheSecondPageIsRequested() {
    Iterator<String> tags = listings.tags("team/app").iterator();
    assertThat(tagRequests()).isEmpty();

    assertThat(tags.next()).isEqualTo("t000");
    assertThat(tagRequests()).hasSize(1);

    List<String> rest = new ArrayList<>();
    tags.forEachRemaining(rest::add);
    assertThat(rest).hasSize(236);
    assertThat(tagRequests()).hasSize(5);
  }

  @Test
  void limitingTheStreamFetchesOnlyThePagesNeeded() {
    assertThat(listings.tags("team/app").limit(60).toList()).hasSize(60);

    assertThat(tagRequests()).hasSize(2);
  }

  @Test
  void pageSizeAndStartAfterAreSentToTheRegistry() {
    List<String> tags =
        listings.tags("team/app", OptionalInt.of(100), Optional.of("t199")).toList();

    assertThat(tags).containsExactlyElementsOf(TAGS.subList(200, 237));
    assertThat(tagRequests()).containsExactly("/v2/team/app/tags/list?n=100&last=t199");
  }

  @Test
  void unknownRepositoryIsNotFoundWhenTheStreamIsConsumed() {
    var stream = listings.tags("team/missing");

    assertThatThrownBy(stream::toList)
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> {
              assertThat(e.hasErrorCode("NAME_UNKNOWN")).isTrue();
              assertThat(e.context().phase()).isEqualTo(Phase.TAGS);
              assertThat(e.context().repository()).contains("team/missing");
              assertThat(e.context().registry()).contains(registry.hostAndPort());
            });
  }
}
