package dev.registryclient.testkit;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a {@link TestRegistry} for JUnit 5 tests and closes it afterwards: once per class when the
 * field is {@code static}, once per test otherwise.
 *
 * <pre>{@code
 * class PullTest {
 *   @RegisterExtension
 *   static TestRegistryExtension server =
 *       new TestRegistryExtension(TestRegistry.builder().tokenAuth("alice", "secret"));
 *
 *   @Test
 *   void pullsAnImage() {
 *     PushedImage image = server.registry().image("team/app").layer(1024).push("v1");
 *     // pull image.reference() with the client under test ...
 *   }
 * }
 * }</pre>
 *
 * <p><b>Unfired faults fail the test.</b> Before closing a registry, the extension calls {@link
 * TestRegistry#assertFaultsFired()}: if a declared {@link Fault} never fired and is not {@link
 * Fault#optional() optional}, the test fails with a message naming the fault and its rule. A
 * per-test registry is checked after each test; a per-class ({@code static}) registry, whose faults
 * any test of the class may use up, once after all of them. If the test itself failed, the
 * unfired-fault error is attached to its failure as a suppressed exception.
 */
public final class TestRegistryExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private final TestRegistry.Builder builder;
  private TestRegistry registry;
  private boolean perClass;

  /** A registry with default settings (no auth). */
  public TestRegistryExtension() {
    this(TestRegistry.builder());
  }

  /**
   * A registry started from {@code builder} (which may be reused).
   *
   * @param builder the options of each registry the extension starts; not null
   */
  public TestRegistryExtension(TestRegistry.Builder builder) {
    this.builder = Objects.requireNonNull(builder, "builder");
  }

  /**
   * The running registry.
   *
   * @return the registry of the running test (or test class)
   * @throws IllegalStateException if no test is running
   */
  public TestRegistry registry() {
    if (registry == null) {
      throw new IllegalStateException("the test registry runs only while a test runs");
    }
    return registry;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    registry = builder.start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (registry == null) {
      registry = builder.start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      checkAndStop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    checkAndStop();
  }

  private void checkAndStop() {
    if (registry == null) {
      return;
    }
    try {
      registry.assertFaultsFired();
    } finally {
      registry.close();
      registry = null;
    }
  }
}
