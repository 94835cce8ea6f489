package dev.registryclient.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

class ScopeProperties {

  @Property
  void scopesRoundTrip(
      @ForAll @AlphaChars @StringLength(min = 1, max = 10) String a,
      @ForAll @AlphaChars @StringLength(min = 1, max = 10) String b) {
    String text = "repository:" + a.toLowerCase() + "/" + b.toLowerCase() + ":pull,push";
    assertThat(Scope.parse(text).toString()).isEqualTo(text);
  }

  @Property
  void arbitraryScopesOnlyFailWithIllegalArgumentException(@ForAll String text) {
    try {
      Scope scope = Scope.parse(text);
      assertThat(text).startsWith(scope.type() + ":" + scope.name() + ":");
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).contains("invalid scope");
    }
  }
}
