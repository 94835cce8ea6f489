package dev.registryclient.examples.cli;

import picocli.CommandLine.Command;

/** The top-level command; it only groups the subcommands (running it alone is a usage error). */
@Command(
    name = "registry-client",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Pull, push, copy and sync images, list tags and inspect manifests of container"
            + " registries.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:failure (one line on stderr)", "2:usage error"})
final class RootCommand {}
