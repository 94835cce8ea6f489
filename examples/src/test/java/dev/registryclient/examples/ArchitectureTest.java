package dev.registryclient.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of the whole project, checked on the compiled classes of every library module (this
 * module sees them all): dependencies point one way, {@code examples} → {@code oci} → {@code core}
 * → {@code api} and {@code testkit} → {@code api}; no package cycle inside a module; the CLI and
 * the examples use the public API only. A violation fails {@code ./mvnw verify} naming the classes
 * and the rule.
 */
@AnalyzeClasses(
    packages = "dev.registryclient",
    importOptions = {
      ImportOption.DoNotIncludeTests.class,
      ArchitectureTest.NoTestJars.class,
      ArchitectureTest.NoShadedJars.class
    })
class ArchitectureTest {
  private static final String API = "dev.registryclient.api..";
  private static final String CORE = "dev.registryclient.core..";
  private static final String OCI = "dev.registryclient.oci..";
  private static final String TESTKIT = "dev.registryclient.testkit..";
  private static final String EXAMPLES = "dev.registryclient.examples..";
  private static final String BENCHMARKS = "dev.registryclient.benchmarks..";

  @ArchTest
  static final ArchRule apiDependsOnTheJdkOnly =
      classes()
          .that()
          .resideInAPackage(API)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(API, "java..")
          .because("registry-client-api is the public face and must stay free of dependencies");

  @ArchTest
  static final ArchRule coreNeverDependsOnTheModulesAboveIt =
      noClasses()
          .that()
          .resideInAPackage(CORE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(OCI, TESTKIT, EXAMPLES, BENCHMARKS)
          .because("dependencies point one way: oci -> core -> api");

  @ArchTest
  static final ArchRule ociNeverDependsOnTheModulesAboveIt =
      noClasses()
          .that()
          .resideInAPackage(OCI)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(TESTKIT, EXAMPLES, BENCHMARKS)
          .because("dependencies point one way: examples/benchmarks -> oci -> core -> api");

  @ArchTest
  static final ArchRule theTestKitDependsOnTheApiOnly =
      noClasses()
          .that()
          .resideInAPackage(TESTKIT)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(CORE, OCI, EXAMPLES, BENCHMARKS)
          .because(
              "the test kit is an independent referee for the client: api and the JDK only, like"
                  + " go-containerregistry's pkg/registry");

  @ArchTest
  static final ArchRule noLibraryCodeDependsOnTheTestKit =
      noClasses()
          .that()
          .resideInAnyPackage(API, CORE, OCI)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(TESTKIT)
          .because(
              "the test kit is for tests; only the CLI's demo/serve commands and the benchmarks"
                  + " run it in main code");

  @ArchTest
  static final ArchRule theCliAndExamplesUseThePublicApiOnly =
      noClasses()
          .that()
          .resideInAPackage(EXAMPLES)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              CORE, "dev.registryclient.oci.client..", "dev.registryclient..internal..")
          .because(
              "the CLI goes through RegistryClient and the exported oci packages, so every SDK fix"
                  + " reaches it (no second path to the registry)");

  @ArchTest
  static final ArchRule otherModulesNeverUseInternalPackages =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.registryclient.core..", "dev.registryclient.testkit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.registryclient.core..internal..")
          .because("internal packages are not exported");

  @ArchTest
  static final ArchRule noPackageCyclesInApi =
      slices().matching("dev.registryclient.api.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule noPackageCyclesInCore =
      slices().matching("dev.registryclient.core.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule noPackageCyclesInOci =
      slices().matching("dev.registryclient.oci.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule noPackageCyclesInTheTestKit =
      slices().matching("dev.registryclient.testkit.(**)").should().beFreeOfCycles();

  /** Test jars of other modules (the oci test-jar) hold test code, not the product. */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar");
    }
  }

  /** The CLI's shaded jar repeats every module's classes; the modules themselves are imported. */
  static final class NoShadedJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("registry-client.jar") && !location.contains("benchmarks.jar");
    }
  }
}
