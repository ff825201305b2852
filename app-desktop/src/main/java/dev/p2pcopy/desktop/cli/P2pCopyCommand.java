package dev.p2pcopy.desktop.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code p2p-copy} command; its subcommands do the work. */
@Command(
        name = "p2p-copy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Moves files and folders to another computer with a short code, through a relay.",
            "Without any argument it opens the desktop app; with options but no command it prints this help."
        })
final class P2pCopyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
