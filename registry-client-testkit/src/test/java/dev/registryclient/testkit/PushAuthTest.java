package dev.registryclient.testkit;

import static dev.registryclient.testkit.UploadSteps.content;
import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * With token auth, pushing needs {@code push} on the target, and a mount needs {@code pull} on its
 * source: refused with a challenge as distribution does, or answered with a plain upload.
 */
class PushAuthTest {
  private static final byte[] BLOB = content(3000);
  private static final Digest DIGEST = Digest.sha256(BLOB);

  private static TestRegistry start(UnaryOperator<TestRegistry.Builder> options) {
    TestRegistry registry =
        options
            .apply(
                TestRegistry.builder()
                    .tokenAuth()
                    .user("alice", "secret")
                    .grant("alice", "team/*", "pull", "push")
                    .user("bob", "hunter2")
                    .grant("bob", "team/*", "pull")
                    .grant("bob", "other/*", "pull", "push"))
            .start();
    registry.pushBlob("other/src", BLOB, "application/octet-stream");
    registry.pushBlob("team/shared", BLOB, "application/octet-stream");
    return registry;
  }

  /** A token for {@code user} asking for {@code scopes}; the realm grants what it may. */
  private static String token(
      TestRegistry registry, String user, String password, String... scopes) {
    String query = Arrays.stream(scopes).map(s -> "&scope=" + s).collect(Collectors.joining());
    HttpResponse<byte[]> r =
        Http.get(
            registry.tokenRealm() + "?service=test-registry" + query,
            "Authorization",
            Http.basic(user, password));
    assertThat(r.statusCode()).isEqualTo(200);
    return "Bearer " + Http.json(r).get("token");
  }

  private static void assertInsufficientScope(HttpResponse<byte[]> r, String scope) {
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(
            h -> assertThat(h).contains("error=\"insufficient_scope\"").contains(scope));
  }

  @Test
  void everyUploadStepAndTheManifestPutNeedPushOnTheTarget() {
    try (TestRegistry registry = start(b -> b)) {
      String pusher = token(registry, "alice", "secret", "repository:team/app:pull,push");
      String puller = token(registry, "bob", "hunter2", "repository:team/app:pull,push");
      UploadSteps alice = new UploadSteps(registry, "team/app", "Authorization", pusher);
      UploadSteps bob = new UploadSteps(registry, "team/app", "Authorization", puller);
      String push = "scope=\"repository:team/app:pull,push\"";

      assertInsufficientScope(bob.post(""), push);
      String location = alice.start();
      assertInsufficientScope(bob.patch(location, BLOB, 0, BLOB.length), push);
      assertThat(alice.patch(location, BLOB, 0, BLOB.length).statusCode()).isEqualTo(202);
      assertThat(bob.status(location).statusCode()).as("status needs pull only").isEqualTo(204);
      assertInsufficientScope(bob.put(location, BLOB, new byte[0]), push);
      assertThat(alice.put(location, BLOB, new byte[0]).statusCode()).isEqualTo(201);

      PushedImage image = registry.image("team/app").oci().layer(10).pushByDigest();
      assertInsufficientScope(bob.manifestPut("v1", image.manifest(), image.mediaType()), push);
      assertThat(alice.manifestPut("v1", image.manifest(), image.mediaType()).statusCode())
          .isEqualTo(201);
      assertThat(registry.uploads())
          .singleElement()
          .satisfies(u -> assertThat(u.state()).isEqualTo(Upload.State.COMMITTED));
    }
  }

  @Test
  void aMountWithPullOnTheSourceIsMade() {
    try (TestRegistry registry = start(b -> b)) {
      String both =
          token(
              registry,
              "alice",
              "secret",
              "repository:team/app:pull,push",
              "repository:team/shared:pull");
      HttpResponse<byte[]> mount =
          new UploadSteps(registry, "team/app", "Authorization", both)
              .post("?mount=" + DIGEST + "&from=team/shared");
      assertThat(mount.statusCode()).isEqualTo(201);
      assertThat(registry.uploads())
          .singleElement()
          .extracting(Upload::state)
          .isEqualTo(Upload.State.MOUNTED);
    }
  }

  @Test
  void byDefaultAMountWithoutPullOnTheSourceIsChallengedForIt() {
    try (TestRegistry registry = start(b -> b)) {
      // alice may not pull other/src: the realm leaves that scope out of her token
      String token =
          token(
              registry,
              "alice",
              "secret",
              "repository:team/app:pull,push",
              "repository:other/src:pull");
      HttpResponse<byte[]> mount =
          new UploadSteps(registry, "team/app", "Authorization", token)
              .post("?mount=" + DIGEST + "&from=other/src");
      assertInsufficientScope(mount, "repository:other/src:pull");
      assertThat(registry.uploads()).isEmpty();
    }
  }

  @Test
  void optionallyAMountWithoutPullOnTheSourceStartsAnUpload() {
    try (TestRegistry registry = start(TestRegistry.Builder::unauthorizedMountsStartUploads)) {
      String token =
          token(
              registry,
              "alice",
              "secret",
              "repository:team/app:pull,push",
              "repository:other/src:pull");
      UploadSteps alice = new UploadSteps(registry, "team/app", "Authorization", token);

      HttpResponse<byte[]> mount = alice.post("?mount=" + DIGEST + "&from=other/src");
      assertThat(mount.statusCode()).isEqualTo(202);
      assertThat(alice.put(UploadSteps.location(mount), BLOB, BLOB).statusCode()).isEqualTo(201);
      assertThat(registry.uploads())
          .singleElement()
          .satisfies(
              u -> {
                assertThat(u.state()).isEqualTo(Upload.State.COMMITTED);
                assertThat(u.bytesReceived()).isEqualTo(BLOB.length);
              });
    }
  }

  @Test
  void optionallyAMountWithPullOnTheSourceIsStillMade() {
    try (TestRegistry registry = start(TestRegistry.Builder::unauthorizedMountsStartUploads)) {
      String token =
          token(
              registry,
              "bob",
              "hunter2",
              "repository:other/app:pull,push",
              "repository:team/shared:pull");
      HttpResponse<byte[]> mount =
          new UploadSteps(registry, "other/app", "Authorization", token)
              .post("?mount=" + DIGEST + "&from=team/shared");
      assertThat(mount.statusCode()).isEqualTo(201);
    }
  }

  @Test
  void aRegistryIgnoringMountsAsksForNoSourceScope() {
    try (TestRegistry registry = start(TestRegistry.Builder::ignoreMounts)) {
      String token = token(registry, "alice", "secret", "repository:team/app:pull,push");
      HttpResponse<byte[]> mount =
          new UploadSteps(registry, "team/app", "Authorization", token)
              .post("?mount=" + DIGEST + "&from=other/src");
      assertThat(mount.statusCode()).isEqualTo(202);
    }
  }
}
