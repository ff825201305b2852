package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.desktop.relay.RelayChoice;
import dev.p2pcopy.protocol.ConflictPolicy;
import dev.p2pcopy.protocol.P2pCopy;
import dev.p2pcopy.protocol.ReceiveOptions;
import dev.p2pcopy.protocol.Transfer;
import dev.p2pcopy.protocol.TransferResult;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code p2p-copy receive}: joins the sender's code, asks, and saves what arrives. */
@Command(
        name = "receive",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Receives files and folders sent with 'p2p-copy send'.",
            "Asks for the code on the terminal (or reads $" + CodeSource.VARIABLE + "), shows what is offered"
                    + " and asks before anything is written, unless --yes."
        })
final class ReceiveCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder to save into (default: the current folder).")
    private Path out;

    @Option(
            names = {"-y", "--yes"},
            description = "Accept the offer without asking.")
    private boolean yes;

    @Option(
            names = "--on-conflict",
            paramLabel = "POLICY",
            defaultValue = "rename",
            description = "When a name already exists: rename (keep both, the new one as 'a (1).txt'), overwrite,"
                    + " skip or fail (default: ${DEFAULT-VALUE}). A transfer that was interrupted into the same"
                    + " folder is resumed, not renamed.")
    private ConflictPolicy onConflict;

    @Mixin
    private CommonOptions common;

    @Parameters(
            paramLabel = "CODE",
            arity = "0..1",
            description = "The code the sender shows, e.g. 4821-river-orbit-lamp. Better left out: other users"
                    + " of this computer can see arguments; without it, $" + CodeSource.VARIABLE + " if set,"
                    + " else asked for on the terminal without echo.")
    private String code;

    ReceiveCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        String joining = new CodeSource(env).forReceive(code);
        Path trusted = common.trustedCertificate(env);
        Path target = (out == null ? Path.of("") : out).toAbsolutePath().normalize();
        try (RelayChoice relay = common.chooseRelay(env)) {
            Transfer transfer = P2pCopy.receive(joining, options(relay.uri(), target, trusted));
            try (TransferWaiter waiter = new TransferWaiter(transfer)) {
                TransferResult result = waiter.await(transfer.result());
                env.out().println(Summaries.received(result, target));
            }
        }
        return ExitCodes.OK;
    }

    /**
     * The engine's options as the flags give them.
     *
     * @param relay the chosen relay
     * @param target the folder to save into
     * @param trusted the certificate to trust besides the system's, or null
     */
    ReceiveOptions options(URI relay, Path target, Path trusted) {
        return ReceiveOptions.builder(relay, target)
                .offerHandler(new OfferPrompt(env, yes))
                .conflictPolicy(onConflict)
                .trustedCertificate(trusted)
                .reconnect(common.reconnectPolicy())
                .listener(TransferReporter.forReceiver(env))
                .build();
    }
}
