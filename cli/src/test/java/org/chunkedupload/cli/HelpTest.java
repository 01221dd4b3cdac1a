package org.chunkedupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Help on every command, in every form the error messages and users reach for; shell completion. */
class HelpTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) { }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** @return every command's path from the root, e.g. [put], [config, show] */
    private static List<List<String>> commands() {
        List<List<String>> all = new ArrayList<>();
        walk(Main.commandLine(new String[0]), new ArrayList<>(), all);
        return all;
    }

    private static void walk(CommandLine cl, List<String> path, List<List<String>> all) {
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (!e.getKey().equals(e.getValue().getCommandName()) || e.getKey().equals("help")) {
                continue; // an alias, or the help command itself
            }
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            all.add(p);
            walk(e.getValue(), p, all);
        }
    }

    @Test
    void everyCommandHasHelpWithExamplesInEveryForm() {
        List<List<String>> cmds = commands();
        assertTrue(cmds.size() >= 11, "all commands found: " + cmds);
        for (List<String> c : cmds) {
            for (String flag : new String[] {"--help", "-h"}) {
                List<String> args = new ArrayList<>(c);
                args.add(flag);
                Run r = run(args.toArray(String[]::new));
                assertEquals(0, r.code(), c + " " + flag + ": " + r.err());
                assertTrue(r.out().contains("Usage: chunked-upload " + String.join(" ", c)) && r.out().contains("Examples:"),
                        c + " " + flag + ":\n" + r.out());
            }
            List<String> help = new ArrayList<>(List.of("help"));
            help.addAll(c.subList(0, 1));
            Run r = run(help.toArray(String[]::new));
            assertEquals(0, r.code(), help + ": " + r.err());
            assertTrue(r.out().contains("Usage: chunked-upload " + c.get(0)), help + ":\n" + r.out());
        }
        Run top = run("--help");
        assertTrue(top.code() == 0 && top.out().contains("Examples:") && top.out().contains("Exit codes:"), top.out());
    }

    @Test
    void aCommandLineNamingOneCommandBuildsOnlyThatOneAndTheSameHelp() {
        CommandLine all = Main.commandLine(new String[0]);
        assertEquals(List.of("put", "resume", "pending", "sweep", "abort", "providers", "config", "tck", "backstop",
                "completion", "help"), names(all), "every command, in help's order");
        for (String name : names(all)) {
            CommandLine one = Main.commandLine(new String[] {name, "--help"});
            if (name.equals("help") || name.equals("completion")) {
                assertEquals(names(all), names(one), name + " needs the others");
                continue;
            }
            assertEquals(List.of(name), names(one), name);
            assertEquals(all.getSubcommands().get(name).getUsageMessage(),
                    one.getSubcommands().get(name).getUsageMessage(), name + "'s help is the same either way");
        }
        assertEquals(names(all), names(Main.commandLine(new String[] {"--verbose", "put"})),
                "an option first: every command, so picocli reports what it is");
        assertEquals(names(all), names(Main.commandLine(new String[] {"putt"})),
                "a misspelt command: every command, so picocli can suggest one");
        assertEquals(0, run("lifecycle", "--help").code(), "an alias still works");
    }

    private static List<String> names(CommandLine cli) {
        return cli.getSubcommands().values().stream().map(CommandLine::getCommandName).distinct().toList();
    }

    @Test
    void errorMessagesPointToHelpThatExists() {
        Run bad = run("put", "--no-such-flag");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("see 'chunked-upload put --help'"), bad.err());
        assertEquals(0, run("put", "--help").code());
    }

    @Test
    void completionScriptsAreValidShell() throws Exception {
        for (String shell : new String[] {"bash", "zsh"}) {
            Run r = run("completion", shell);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("complete -F") && r.out().contains("put") && r.out().contains("--part-size"),
                    shell + " script names commands and options");
            Path script = Files.writeString(tmp.resolve(shell + ".sh"), r.out());
            Process p = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
            String syntax = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), shell + " script parses: " + syntax);
        }
        assertEquals(2, run("completion", "fish").code(), "an unknown shell is bad input");
    }
}
