package dev.registryclient.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class ErrorBodyParserProperties {

  @Property
  void arbitraryBodiesNeverFail(@ForAll String body) {
    assertThat(ErrorBodyParser.parse(body)).isNotNull();
  }
}
