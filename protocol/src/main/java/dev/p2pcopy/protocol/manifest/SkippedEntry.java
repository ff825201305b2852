package dev.p2pcopy.protocol.manifest;

import java.nio.file.Path;

/**
 * Something {@link ManifestScanner} found but left out of the manifest, for the user to be warned
 * about.
 *
 * @param path the link or file as found under a root
 * @param reason why it was left out, as a clause without final period, e.g. "it is a symbolic
 *     link"
 */
public record SkippedEntry(Path path, String reason) {}
