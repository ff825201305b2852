/**
 * What a receiver keeps on disk so that an interrupted transfer continues where it stopped: the
 * {@link dev.p2pcopy.protocol.resume.Journal} beside each partial file, the check of a partial
 * file against its journal ({@link dev.p2pcopy.protocol.resume.PartialFiles}) and the marker of a
 * folder that a transfer has not finished writing ({@link dev.p2pcopy.protocol.resume.FolderMarker}).
 * Engine building blocks; public only so that the engine package can use them.
 */
package dev.p2pcopy.protocol.resume;
