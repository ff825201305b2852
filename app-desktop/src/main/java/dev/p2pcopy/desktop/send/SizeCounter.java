package dev.p2pcopy.desktop.send;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Counts the files and bytes under a path on a worker, so that a folder of a million files never
 * holds up the UI. Like the engine, it counts regular files and does not follow symbolic links.
 */
final class SizeCounter {
    /** How many files between two partial reports while a folder is walked. */
    private static final int REPORT_EVERY = 1_000;

    private final Executor worker;

    /** A counter that walks on {@code worker}. */
    SizeCounter(Executor worker) {
        this.worker = worker;
    }

    /**
     * Starts counting {@code path}. {@code sizes} receives partial sizes now and then and a
     * {@linkplain PathSize#complete() complete} one last, all on the worker thread; a path that
     * cannot be read completely counts what could be read.
     *
     * @return stops the count (a report already under way may still arrive)
     */
    Runnable count(Path path, Consumer<PathSize> sizes) {
        AtomicBoolean stopped = new AtomicBoolean();
        worker.execute(() -> walk(path, stopped, sizes));
        return () -> stopped.set(true);
    }

    private static void walk(Path path, AtomicBoolean stopped, Consumer<PathSize> sizes) {
        if (stopped.get()) {
            return;
        }
        boolean folder = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        long[] totals = new long[2]; // files, bytes
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return stopped.get() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        totals[0]++;
                        totals[1] += attrs.size();
                        if (totals[0] % REPORT_EVERY == 0 && !stopped.get()) {
                            sizes.accept(new PathSize(folder, totals[0], totals[1], false));
                        }
                    }
                    return stopped.get() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // the engine reports unreadable files when it sends
                }
            });
        } catch (IOException e) {
            // The root went away or cannot be listed: what was counted stands.
        }
        if (!stopped.get()) {
            sizes.accept(new PathSize(folder, totals[0], totals[1], true));
        }
    }
}
