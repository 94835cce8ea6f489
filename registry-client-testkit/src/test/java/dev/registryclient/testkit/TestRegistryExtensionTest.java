package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestRegistryExtensionTest {
  @RegisterExtension
  static TestRegistryExtension shared =
      new TestRegistryExtension(TestRegistry.builder().basicAuth("u", "p"));

  @RegisterExtension TestRegistryExtension perTest = new TestRegistryExtension();

  @Test
  void bothRegistriesRunDuringATest() {
    assertThat(Http.get(shared.registry().url() + "/v2/").statusCode()).isEqualTo(401);
    assertThat(Http.get(perTest.registry().url() + "/v2/").statusCode()).isEqualTo(200);
  }

  @Test
  void aPerTestRegistryStartsEmpty() {
    perTest.registry().image("e/app").layer(1).push("v1");
    assertThat(perTest.registry().journal().all()).isEmpty();
  }
}
