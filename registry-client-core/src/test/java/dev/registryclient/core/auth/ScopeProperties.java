package dev.registryclient.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class ScopeProperties {

  @Property
  void arbitraryTextParsesToCanonicalFormOrIsRefused(@ForAll String text) {
    try {
      Scope s = Scope.parse(text);
      assertThat(Scope.parse(s.toString())).isEqualTo(s);
    } catch (IllegalArgumentException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }
}
