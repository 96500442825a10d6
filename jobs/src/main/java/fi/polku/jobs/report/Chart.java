package fi.polku.jobs.report;

/**
 * A drawn chart with its text equivalents: the SVG (whose {@code <title>} and {@code <desc>} name and describe
 * it), the description alone, and the numbers it draws as a table, shown under the chart in a {@code <details>}
 * (WCAG 1.1.1) and written beside the page as an SVG and a PNG file.
 *
 * @param svg         the chart, an {@code <svg>} element with {@code xmlns}, usable inline and standalone
 * @param description one or two sentences: what is plotted against what, which series
 * @param data        the plotted numbers, one row per point or bar
 */
record Chart(String svg, String description, HtmlTable data) {
}
