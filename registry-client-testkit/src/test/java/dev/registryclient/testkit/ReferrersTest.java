package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferrersTest {

  @Test
  @SuppressWarnings("unchecked")
  void referrersListManifestsWhoseSubjectIsTheDigestAndFilterByArtifactType() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      PushedImage subject = registry.image("ref/app").oci().layer(10).push("v1");
      PushedImage sbom =
          registry
              .image("ref/app")
              .oci()
              .artifactType("application/spdx+json")
              .subject(subject)
              .layer(5)
              .pushByDigest();
      registry
          .image("ref/app")
          .oci()
          .artifactType("application/vnd.dev.sig")
          .subject(subject)
          .layer(5)
          .pushByDigest();
      String url = registry.url() + "/v2/ref/app/referrers/" + subject.digest();

      HttpResponse<byte[]> all = Http.get(url);
      assertThat(all.headers().firstValue("Content-Type")).hasValue(ImageFormat.OCI.indexType());
      assertThat((List<Object>) Http.json(all).get("manifests")).hasSize(2);

      HttpResponse<byte[]> filtered = Http.get(url + "?artifactType=application/spdx%2Bjson");
      List<Map<String, Object>> manifests =
          (List<Map<String, Object>>) Http.json(filtered).get("manifests");
      assertThat(manifests)
          .singleElement()
          .satisfies(m -> assertThat(m.get("digest")).isEqualTo(sbom.digest().toString()));
      assertThat(filtered.headers().firstValue("OCI-Filters-Applied")).hasValue("artifactType");
    }
  }

  @Test
  void pushingAManifestWithASubjectAnswersOciSubject() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      PushedImage subject = registry.image("ref/b").oci().layer(10).push("v1");
      PushedImage referrer = registry.image("ref/b").oci().subject(subject).layer(3).pushByDigest();
      HttpResponse<byte[]> r =
          Http.put(
              registry.url() + "/v2/ref/b/manifests/" + referrer.digest(),
              referrer.manifest(),
              "Content-Type",
              referrer.mediaType());
      assertThat(r.statusCode()).isEqualTo(201);
      assertThat(r.headers().firstValue("OCI-Subject")).hasValue(subject.digest().toString());
    }
  }
}
