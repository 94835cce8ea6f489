package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.suppressed;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

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

  @Test
  void aTestWhoseFaultNeverFiredFailsNamingTheFaultAndItsRule() {
    run(PerTestCases.class)
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("faultNeverFires"),
                finishedWithFailure(
                    instanceOf(AssertionError.class),
                    message(
                        m ->
                            m.contains("never fired")
                                && m.contains("STATUS 503, on GET, path ~ /manifests/")))))
        .haveExactly(1, event(test("faultFires"), finishedSuccessfully()));
  }

  @Test
  void anOptionalFaultThatNeverFiredDoesNotFailTheTest() {
    run(OptionalCases.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @Test
  void aTestThatFailedAnywayCarriesTheUnfiredFaultAsSuppressed() {
    run(FailingCases.class)
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("failsBeforeTheFaultCouldFire"),
                finishedWithFailure(
                    message("the client under test gave up"),
                    suppressed(0, message(m -> m.contains("never fired"))))));
  }

  @Test
  void aSharedRegistrysFaultsAreCheckedOnceAfterAllTestsOfTheClass() {
    Events fired = run(SharedFiredLaterCases.class).allEvents();
    fired.assertStatistics(s -> s.failed(0).succeeded(4)); // engine, class, two tests
    run(SharedNeverFiredCases.class)
        .allEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                container(SharedNeverFiredCases.class),
                finishedWithFailure(message(m -> m.contains("STATUS 500")))));
  }

  private static EngineExecutionResults run(Class<?> cases) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(OnlyWhenRunByTheseTests.KEY, "true")
        .selectors(selectClass(cases))
        .execute();
  }

  /** Keeps the case classes below, which fail on purpose, out of normal test runs. */
  static final class OnlyWhenRunByTheseTests implements ExecutionCondition {
    static final String KEY = "registryclient.testkit.extension-cases";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(KEY).isPresent()
          ? ConditionEvaluationResult.enabled("run by TestRegistryExtensionTest")
          : ConditionEvaluationResult.disabled("only run by TestRegistryExtensionTest");
    }
  }

  @ExtendWith(OnlyWhenRunByTheseTests.class)
  static class PerTestCases {
    @RegisterExtension
    TestRegistryExtension server =
        new TestRegistryExtension(
            TestRegistry.builder().faults(Fault.status(503).method("GET").on("/manifests/")));

    @Test
    void faultNeverFires() {
      Http.get(server.registry().url() + "/v2/");
    }

    @Test
    void faultFires() {
      assertThat(Http.get(server.registry().url() + "/v2/a/manifests/v1").statusCode())
          .isEqualTo(503);
    }
  }

  @ExtendWith(OnlyWhenRunByTheseTests.class)
  static class OptionalCases {
    @RegisterExtension
    TestRegistryExtension server =
        new TestRegistryExtension(
            TestRegistry.builder().faults(Fault.status(503).on("/manifests/").optional()));

    @Test
    void faultNeverFires() {
      Http.get(server.registry().url() + "/v2/");
    }
  }

  @ExtendWith(OnlyWhenRunByTheseTests.class)
  static class FailingCases {
    @RegisterExtension
    TestRegistryExtension server =
        new TestRegistryExtension(TestRegistry.builder().faults(Fault.wrongBytes().onBlobs()));

    @Test
    void failsBeforeTheFaultCouldFire() {
      throw new AssertionError("the client under test gave up");
    }
  }

  @ExtendWith(OnlyWhenRunByTheseTests.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class SharedFiredLaterCases {
    @RegisterExtension
    static TestRegistryExtension server =
        new TestRegistryExtension(TestRegistry.builder().faults(Fault.status(500).on("^/v2/$")));

    @Test
    @Order(1)
    void doesNotTouchTheFault() {
      Http.get(server.registry().url() + "/v2/a/tags/list");
    }

    @Test
    @Order(2)
    void firesTheFault() {
      assertThat(Http.get(server.registry().url() + "/v2/").statusCode()).isEqualTo(500);
    }
  }

  @ExtendWith(OnlyWhenRunByTheseTests.class)
  static class SharedNeverFiredCases {
    @RegisterExtension
    static TestRegistryExtension server =
        new TestRegistryExtension(TestRegistry.builder().faults(Fault.status(500).on("^/v2/$")));

    @Test
    void doesNotTouchTheFault() {
      Http.get(server.registry().url() + "/v2/a/tags/list");
    }
  }
}
