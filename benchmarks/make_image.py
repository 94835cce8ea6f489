#!/usr/bin/env python3
"""Writes a reference image as an OCI image layout, streaming (Python 3 stdlib only).

    python3 benchmarks/make_image.py DIR TAG LAYERS LAYER_MIB

Each layer is a gzip-compressed tar holding one file of LAYER_MIB MiB of random bytes, so it does
not compress and nothing on the way can shortcut it. The layout then goes to a registry with
`skopeo copy oci:DIR:TAG docker://...`. Prints the total blob bytes (layers + config).
"""

import gzip
import hashlib
import io
import json
import os
import sys
import tarfile

CHUNK = 1024 * 1024


class Hashing(io.RawIOBase):
    """A write-only stream that hashes and counts what it passes on."""

    def __init__(self, inner):
        self.inner, self.sha, self.size = inner, hashlib.sha256(), 0

    def writable(self):
        return True

    def write(self, b):
        self.sha.update(b)
        self.size += len(b)
        self.inner.write(b)
        return len(b)


class RandomReader:
    """`size` random bytes, read in chunks (all tarfile needs of a file object)."""

    def __init__(self, size):
        self.left = size

    def read(self, n=-1):
        n = self.left if n is None or n < 0 else min(n, self.left)
        self.left -= n
        return os.urandom(n)


def write_blob_file(layout, tmp_name, sha):
    digest = sha.hexdigest()
    os.replace(tmp_name, os.path.join(layout, "blobs", "sha256", digest))
    return "sha256:" + digest


def layer(layout, index, size):
    tmp = os.path.join(layout, "blobs", "sha256", f".layer-{index}")
    with open(tmp, "wb") as raw:
        compressed = Hashing(raw)
        with gzip.GzipFile(fileobj=compressed, mode="wb", compresslevel=1, mtime=0) as gz:
            uncompressed = Hashing(gz)
            with tarfile.open(fileobj=uncompressed, mode="w|", format=tarfile.PAX_FORMAT) as tar:
                info = tarfile.TarInfo(f"data/layer-{index}.bin")
                info.size, info.mode, info.mtime = size, 0o644, 0
                tar.addfile(info, RandomReader(size))
    digest = write_blob_file(layout, tmp, compressed.sha)
    return {"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
            "digest": digest, "size": compressed.size}, "sha256:" + uncompressed.sha.hexdigest()


def json_blob(layout, document):
    data = json.dumps(document, separators=(",", ":"), sort_keys=True).encode()
    digest = hashlib.sha256(data).hexdigest()
    with open(os.path.join(layout, "blobs", "sha256", digest), "wb") as f:
        f.write(data)
    return "sha256:" + digest, len(data)


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    layout, tag, count, mib = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    os.makedirs(os.path.join(layout, "blobs", "sha256"), exist_ok=True)
    layers, diff_ids = [], []
    for i in range(count):
        descriptor, diff_id = layer(layout, i, mib * CHUNK)
        layers.append(descriptor)
        diff_ids.append(diff_id)
    config = {"architecture": "amd64", "os": "linux",
              "rootfs": {"type": "layers", "diff_ids": diff_ids},
              "config": {}, "history": [{"created_by": "make_image.py"} for _ in layers]}
    config_digest, config_size = json_blob(layout, config)
    manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                           "digest": config_digest, "size": config_size},
                "layers": layers}
    manifest_digest, manifest_size = json_blob(layout, manifest)
    index = {"schemaVersion": 2, "manifests": [
        {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": manifest_digest,
         "size": manifest_size, "annotations": {"org.opencontainers.image.ref.name": tag}}]}
    with open(os.path.join(layout, "index.json"), "w") as f:
        json.dump(index, f)
    with open(os.path.join(layout, "oci-layout"), "w") as f:
        json.dump({"imageLayoutVersion": "1.0.0"}, f)
    print(sum(l["size"] for l in layers) + config_size)


if __name__ == "__main__":
    main()
