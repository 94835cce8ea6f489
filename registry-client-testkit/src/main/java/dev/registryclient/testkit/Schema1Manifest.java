package dev.registryclient.testkit;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The unsigned body of a Docker schema 1 manifest: newest layer first, with v1 history. */
final class Schema1Manifest {
  private Schema1Manifest() {}

  static Map<String, Object> of(
      String name, String tag, String architecture, String os, List<Digest> layersBaseFirst) {
    List<Object> fsLayers = new ArrayList<>();
    List<Object> history = new ArrayList<>();
    String parent = null;
    List<Map<String, Object>> compat = new ArrayList<>();
    for (int i = 0; i < layersBaseFirst.size(); i++) {
      // v1 ids are arbitrary 64-hex strings; derive them from the layer so they are stable
      String id =
          Digest.sha256(
                  (i + ":" + layersBaseFirst.get(i))
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8))
              .hex();
      Map<String, Object> v1 =
          Json.object(
              "id",
              id,
              "parent",
              parent,
              "created",
              "2024-01-01T00:00:0" + Math.min(i, 9) + "Z",
              "container_config",
              Json.object("Cmd", List.of("/bin/sh -c #(nop) layer " + i)));
      if (i == layersBaseFirst.size() - 1) {
        v1.put("architecture", architecture);
        v1.put("os", os);
      }
      compat.add(v1);
      parent = id;
    }
    for (int i = layersBaseFirst.size() - 1; i >= 0; i--) {
      fsLayers.add(Json.object("blobSum", layersBaseFirst.get(i).toString()));
      history.add(Json.object("v1Compatibility", Json.write(compat.get(i))));
    }
    return Json.object(
        "schemaVersion", 1L,
        "name", name,
        "tag", tag,
        "architecture", architecture,
        "fsLayers", fsLayers,
        "history", history);
  }
}
