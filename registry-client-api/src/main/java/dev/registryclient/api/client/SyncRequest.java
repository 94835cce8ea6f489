package dev.registryclient.api.client;

import dev.registryclient.api.Platform;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A sync being configured: copy a set of images into a target registry or namespace, the
 * disconnected-mirror job ({@code skopeo sync}, {@code oc mirror}). Obtain one with {@link
 * RegistryClient#sync}.
 *
 * <pre>{@code
 * SyncResult r = client.sync("registry.redhat.io/ubi9/ubi", "mirror.internal:5000/ubi9/ubi")
 *     .tags(Pattern.compile("9\\.[0-9]+"))
 *     .allPlatforms()
 *     .execute();
 * System.out.println(r.copied() + " copied, " + r.present() + " already present, "
 *     + r.failed() + " failed");
 * }</pre>
 *
 * <p>It is idempotent: an image whose target tag already names the manifest a copy would write is
 * reported {@link SyncedImage.Status#PRESENT} without transferring anything. One image failing does
 * not stop the others; each is reported.
 */
public interface SyncRequest {

  /**
   * Syncs only the tags that match {@code regex} as a whole (default: every tag).
   *
   * @param regex the pattern a tag must match entirely
   * @return this request
   */
  SyncRequest tags(Pattern regex);

  /**
   * Copies the image for {@code platform} from each index (default: this JVM's platform).
   *
   * @param platform the platform to pick
   * @return this request
   */
  SyncRequest platform(Platform platform);

  /**
   * Copies each index with every image in it.
   *
   * @return this request
   */
  SyncRequest allPlatforms();

  /**
   * Sends the events of every image's copy to {@code listener}.
   *
   * @param listener the listener for every image's copy events
   * @return this request
   */
  SyncRequest onProgress(CopyListener listener);

  /**
   * Carries each copied image's signatures along ({@link CopyRequest#copySignatures()}); an image
   * the target already has is left as it is, signatures included.
   *
   * @return this request
   */
  SyncRequest copySignatures();

  /**
   * Stops each image's copy that runs longer than {@code timeout} (it is then FAILED).
   *
   * @param timeout the longest each image's copy may run
   * @return this request
   */
  SyncRequest deadline(Duration timeout);

  /**
   * Syncs, one image after another, and reports each.
   *
   * @throws dev.registryclient.api.exception.RegistryException only when the set of images cannot
   *     be listed (e.g. the source repository's tags)
   * @return one entry per image, with its status
   */
  SyncResult execute();
}
