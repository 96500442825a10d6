package fi.polku.jobs.report;

import java.util.List;

/**
 * The abbreviations and instruments a page uses, each written out in the page's language ({@code glossary.<term>}),
 * with its original English name ({@code glossary.<term>.name}) marked {@code lang="en"} on pages in another language.
 */
final class Glossary {
    /** Every abbreviation the pages use, instruments first. */
    static final List<String> TERMS = List.of("FIT", "ORS", "CORS", "SRS", "3X10D", "RCI", "g_av", "DiD", "ITS", "SC", "TWFE",
            "REML");

    private Glossary() {
    }

    static Page.Section section(Messages m) {
        boolean english = m.lang().equals("en");
        HtmlTable t = english
                ? new HtmlTable(m.text("section.glossary"), m.text("col.term"), m.text("col.meaning"))
                : new HtmlTable(m.text("section.glossary"), m.text("col.term"), m.text("col.meaning"), m.text("col.englishname"));
        for (String term : TERMS) {
            String meaning = m.text("glossary." + term);
            if (english) {
                t.row(HtmlTable.Cell.code(term), HtmlTable.Cell.text(meaning));
            } else {
                t.row(HtmlTable.Cell.code(term), HtmlTable.Cell.text(meaning), HtmlTable.Cell.text(m.text("glossary." + term + ".name"), "en"));
            }
        }
        return new Page.Section("glossary", m.text("section.glossary")).intro(m.text("section.glossary.intro")).table(t);
    }
}
