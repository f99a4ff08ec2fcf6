package org.diffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.diffold.lab.store.Json;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MainTest {

    /** A command that fails the way the test asks, to exercise the error policy. */
    @Command(name = "fail")
    static final class FailCommand implements Runnable {
        @CommandLine.Mixin
        CommonOptions common;

        @CommandLine.Option(names = "--kind")
        String kind = "state";

        @Override
        public void run() {
            switch (kind) {
                case "arg" -> throw new IllegalArgumentException("--n must be >= 1, got 0");
                case "usage" -> throw new UsageException("output folder x is not writable");
                default -> throw new IllegalStateException("solver diverged\nat t=0.5");
            }
        }
    }

    static CliRun runWithFail(String... args) {
        CommandLine cl = Main.newCommandLine();
        cl.addSubcommand(new FailCommand());
        return CliRun.on(cl, args);
    }

    @Test
    void unknownSubcommandIsOneLineListingValidCommands() {
        CliRun r = CliRun.of("frobnicate");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("diffold: error: unknown command 'frobnicate'; valid commands: "), r.err());
        assertTrue(r.err().contains("version"), r.err());
    }

    @Test
    void misspelledSubcommandGetsASuggestion() {
        CliRun r = CliRun.of("versoin");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("did you mean version"), r.err()); // more suggestions may follow as commands are added
    }

    @Test
    void unknownOptionListsValidOptions() {
        CliRun r = CliRun.of("version", "--sed", "3");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("diffold: error: unknown option '--sed' for 'diffold version'; valid options: "),
                r.err());
        assertTrue(r.err().contains("--seed") && r.err().contains("--threads"), r.err());
    }

    @Test
    void threadsZeroNamesOptionValueAndRange() {
        CliRun r = CliRun.of("version", "--threads", "0");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("diffold: error: "), r.err());
        assertTrue(r.err().contains("--threads") && r.err().contains("0") && r.err().contains(">= 1"), r.err());
        CliRun text = CliRun.of("version", "--threads=many");
        assertEquals(2, text.code());
        assertTrue(text.err().contains("'many' is not an integer"), text.err());
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun r = CliRun.of();
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("diffold: error: missing command; valid commands: help, ")
                && r.err().contains(" version") && r.err().endsWith(" (see diffold --help)\n"), r.err());
    }

    @Test
    void illegalArgumentAndUsageExceptionsExitTwoWithoutTrace() {
        CliRun arg = runWithFail("fail", "--kind", "arg");
        assertEquals(2, arg.code());
        assertEquals("diffold: error: --n must be >= 1, got 0\n", arg.err());
        CliRun usage = runWithFail("fail", "--kind", "usage");
        assertEquals(2, usage.code());
        assertEquals("diffold: error: output folder x is not writable\n", usage.err());
    }

    @Test
    void otherExceptionsExitOneOnOneLine() {
        CliRun r = runWithFail("fail");
        assertEquals(1, r.code());
        assertEquals("diffold: solver diverged at t=0.5\n", r.err());
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun r = runWithFail("fail", "--verbose");
        assertEquals(1, r.code());
        assertTrue(r.errLines().length > 2, r.err());
        assertEquals("diffold: solver diverged at t=0.5", r.errLines()[0]);
        assertTrue(r.err().contains("java.lang.IllegalStateException: solver diverged"), r.err());
        assertTrue(r.err().contains("at org.diffold.cli.MainTest$FailCommand.run"), r.err());
        CliRun parse = CliRun.of("version", "--threads", "0", "--verbose");
        assertEquals(2, parse.code());
        assertTrue(parse.err().contains("ParameterException"), parse.err());
    }

    @Test
    void versionJsonIsProvenance() {
        CliRun r = CliRun.of("version", "--json", "--seed", "5", "--threads", "3");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        Map<String, Object> p = Json.readMap(r.out());
        assertEquals(5, p.get("seed"));
        assertEquals(3, p.get("threads"));
        assertEquals(java.util.List.of("diffold", "version", "--json", "--seed", "5", "--threads", "3"),
                p.get("command_line"));
        assertEquals(System.getProperty("java.version"), p.get("java_version"));
    }

    @Test
    void versionTextAndHelpWork() {
        CliRun text = CliRun.of("version");
        assertEquals(0, text.code());
        assertTrue(text.out().startsWith("diffold "), text.out());
        assertTrue(text.out().contains("seed    20240501"), text.out());
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Examples:") && help.out().contains("diffold version --json"), help.out());
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("diffold "), version.out());
    }
}
