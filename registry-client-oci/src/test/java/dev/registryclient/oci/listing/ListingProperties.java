package dev.registryclient.oci.listing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.oci.internal.Json;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class ListingProperties {

  private static final ErrorContext CTX = ErrorContext.of(Phase.TAGS);

  @Property
  void arbitraryBytesNeverCrashWithAnythingButInvalidContent(@ForAll byte[] body) {
    try {
      TagList.parse(body, CTX);
      RepositoryList.parse(body, CTX);
    } catch (InvalidContentException expected) {
      assertThat(expected.phase()).isEqualTo(Phase.TAGS);
    }
  }

  @Property
  void arbitraryTagArraysYieldOnlyValidTagsAndSkipTheRest(@ForAll List<String> entries)
      throws Exception {
    byte[] json = Json.mapper().writeValueAsBytes(Map.of("name", "n", "tags", entries));
    TagList list = TagList.parse(json, CTX);
    assertThat(list.tags()).isEqualTo(entries.stream().filter(TagList::isValidTag).toList());
    assertThat(list.tags().size() + list.skipped().size()).isEqualTo(entries.size());
  }
}
