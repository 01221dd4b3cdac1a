package org.chunkedupload.cli;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.chunkedupload.api.ConfigurationException;
import org.chunkedupload.api.InvalidPartException;
import org.chunkedupload.api.InvalidTargetException;
import org.chunkedupload.api.NoSuchUploadException;
import org.chunkedupload.api.PreconditionFailedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code chunked-upload} command. Exit codes: 0 success; 1 the operation failed
 * at the store; 2 bad input (usage, malformed target, unknown provider, missing file, invalid
 * setting); 3 a precondition failed (the object exists); 4 no such upload; 128 + the signal number
 * when a signal interrupted a transfer (130 for SIGINT).
 */
@Command(name = "chunked-upload", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Chunked (multipart) uploads to object stores through one provider-neutral API.",
        footerHeading = "%nExamples:%n",
        footer = {"  chunked-upload put big.iso fs://isos/big.iso              # the embedded store under ./chunked-store",
                "  chunked-upload put video.mp4 s3://media/video.mp4 -o region=eu-west-1",
                "  chunked-upload pending s3://media/ --older-than 7d        # what unfinished uploads hold",
                "  chunked-upload help put                                   # every command has --help",
                "",
                "Exit codes: 0 ok, 1 store failure, 2 bad input, 3 precondition failed, 4 no such upload,"
                + " 130 interrupted by Ctrl-C (143 SIGTERM, 129 SIGHUP) after the upload was aborted or kept."})
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    static final int PRECONDITION = 3;
    static final int NO_SUCH_UPLOAD = 4;

    /**
     * The subcommands, in the order help lists them. Registered by {@link #commandLine} rather than named in
     * the annotation: picocli builds the model of every registered command by reflection, which was a
     * third of the Java code's samples in the start-up of a {@code put}; a command line that names one
     * command gets only that one (docs/benchmarks.md, "Start-up").
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private Main() {
    }

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("put", PutCommand::new);
        m.put("resume", ResumeCommand::new);
        m.put("pending", PendingCommand::new);
        m.put("sweep", SweepCommand::new);
        m.put("abort", AbortCommand::new);
        m.put("providers", ProvidersCommand::new);
        m.put("config", ConfigCommand::new);
        m.put("tck", TckCommand::new);
        m.put("backstop", BackstopCommand::new);
        m.put("completion", CompletionCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(m);
    }

    /**
     * @param args the command line
     * @return the root command with the subcommand {@code args[0]} names, or with all of them when it
     *     names none, or names one that lists or refers to the others ({@code help}, {@code completion})
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        String first = args.length == 0 ? "" : args[0];
        boolean one = COMMANDS.containsKey(first) && !first.equals("help") && !first.equals("completion");
        COMMANDS.forEach((name, command) -> {
            if (!one || name.equals(first)) {
                cli.addSubcommand(name, command.get());
            }
        });
        return cli;
    }

    /** The version the build wrote into {@code version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties p = new java.util.Properties();
            try (var in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"chunked-upload " + p.getProperty("version", "(unknown version)"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }

    /** @param args the command line */
    public static void main(String[] args) {
        Logging.configure(args);
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs a command line without exiting, for tests and embedding.
     *
     * @param args the command line
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose") || java.util.Arrays.asList(args).contains("-vv");
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("chunked-upload: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            err.flush();
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("chunked-upload: " + message(e));
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return exitCode(e);
        });
        return cli.execute(args);
    }

    static String message(Throwable e) {
        if (e instanceof java.nio.file.InvalidPathException ip) {
            return "'" + ip.getInput() + "' is not a valid path here (" + ip.getReason() + "): if it has non-ASCII"
                    + " characters, run with a UTF-8 locale (e.g. LC_ALL=C.UTF-8)";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "an unexpected internal error; run with --verbose for details and report it" : m;
    }

    static int exitCode(Throwable e) {
        if (e instanceof TransferOptions.InterruptedByUserException i) {
            return i.exitCode;
        }
        if (e instanceof TransferOptions.KeptUploadException && e.getCause() != null) {
            return exitCode(e.getCause());
        }
        if (e instanceof PreconditionFailedException) {
            return PRECONDITION;
        }
        if (e instanceof NoSuchUploadException) {
            return NO_SUCH_UPLOAD;
        }
        if (e instanceof InvalidTargetException || e instanceof ConfigurationException
                || e instanceof InvalidPartException || e instanceof IllegalArgumentException) {
            return BAD_INPUT;
        }
        return FAILED;
    }
}
