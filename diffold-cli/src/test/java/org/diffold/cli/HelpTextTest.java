package org.diffold.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HelpTextTest {

    @Test
    void sentencesCutAcrossLinesAreJoinedListsKept() {
        assertArrayEquals(new String[] {"One sentence cut in two.", "'a': item one.", "'b': item two."},
                HelpText.join(new String[] {"One sentence cut", "in two.", "'a': item one.", "'b': item two."}));
    }

    @Test
    void helpOfEveryCommandHasNoHardWrapsAndNoPlaceholders() {
        for (String[] cmd : new String[][] {{"reproduce", "li-yan", "--help"}, {"reproduce", "potaptchik", "--help"},
                {"bench", "--help"}, {"advise", "--help"}, {"version", "--help"}, {"runs", "--help"}}) {
            CliRun r = CliRun.of(cmd);
            assertEquals(0, r.code(), r.err());
            assertFalse(r.out().contains("<dim>") || r.out().contains("<n>") || r.out().contains("<steps>"), r.out());
            if (cmd[0].equals("version")) assertFalse(r.out().contains("--db") || r.out().contains("--runs-dir"), r.out());
            if (cmd[0].equals("runs")) assertFalse(r.out().contains("--seed"), r.out());
        }
        CliRun reproduce = CliRun.of("reproduce", "--help");
        assertTrue(reproduce.out().contains("learned-scores"), reproduce.out());
        CliRun v = CliRun.of("version", "--db", "x.db", "--json");
        assertEquals(0, v.code(), "hidden options are still accepted: " + v.err());
    }
}
