package org.diffold.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Help-text hygiene applied to the whole command tree once: descriptions written as several source lines that cut
 * a sentence are joined, so picocli wraps them at the usage width instead of showing ragged hard breaks. An element
 * that ends a sentence ({@code .}, {@code :} or {@code ;}) keeps its line break, so lists stay lists.
 */
final class HelpText {

    private HelpText() {
    }

    /**
     * Joins hard-wrapped description lines of {@code cl} and every subcommand below it.
     *
     * @param cl the root command line
     */
    static void unwrap(CommandLine cl) {
        CommandLine.Model.UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
        usage.description(join(usage.description()));
        for (CommandLine sub : cl.getSubcommands().values()) {
            unwrap(sub);
        }
    }

    /**
     * Joins each element to the previous one unless the previous ends a sentence.
     *
     * @param lines description elements
     * @return the joined elements
     */
    static String[] join(String[] lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (!out.isEmpty() && !endsSentence(out.get(out.size() - 1)) && !line.isBlank()) {
                out.set(out.size() - 1, out.get(out.size() - 1).stripTrailing() + " " + line.strip());
            } else {
                out.add(line);
            }
        }
        return out.toArray(String[]::new);
    }

    private static boolean endsSentence(String s) {
        String t = s.stripTrailing();
        return t.isEmpty() || t.endsWith(".") || t.endsWith(":") || t.endsWith(";") || t.endsWith("%n");
    }
}
