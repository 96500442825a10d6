package fi.polku.jobs.report;

import java.util.Locale;

/**
 * A small SVG writer: elements with attributes and escaped text, coordinates printed with one decimal. Charts
 * are real SVG with text elements (titles, labels, axis ticks), so screen readers and copy-paste see the words.
 */
final class Svg {
    private final StringBuilder out = new StringBuilder();

    /**
     * A chart of this size with its title and description (the accessible name and description, WCAG 1.1.1).
     * The font is named on the element itself, so the file renders the same outside the page (Batik, editors).
     */
    Svg(int width, int height, String title, String description) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" font-family=\"DejaVu Sans, Arial, sans-serif\" role=\"img\">")
                .append("<title>").append(escape(title)).append("</title>")
                .append("<desc>").append(escape(description)).append("</desc>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    Svg line(double x1, double y1, double x2, double y2, String style) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" ").append(style).append("/>");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String style) {
        return rect(x, y, w, h, style, null);
    }

    /** A rectangle with a tooltip ({@code <title>}, read out by screen readers too), none when {@code tip} is null. */
    Svg rect(double x, double y, double w, double h, String style, String tip) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(Math.max(0, w)))
                .append("\" height=\"").append(n(Math.max(0, h))).append("\" ").append(style);
        return close("rect", tip);
    }

    Svg polyline(double[] xs, double[] ys, String style) {
        return points("polyline", xs, ys, "fill=\"none\" " + style);
    }

    Svg polygon(double[] xs, double[] ys, String style) {
        return points("polygon", xs, ys, style);
    }

    private Svg points(String element, double[] xs, double[] ys, String style) {
        out.append('<').append(element).append(" points=\"");
        for (int i = 0; i < xs.length; i++) {
            out.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        out.append("\" ").append(style).append("/>");
        return this;
    }

    Svg circle(double x, double y, double r, String style) {
        return circle(x, y, r, style, null);
    }

    /** A circle with a tooltip ({@code <title>}), none when {@code tip} is null. */
    Svg circle(double x, double y, double r, String style, String tip) {
        out.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"").append(n(r)).append("\" ")
                .append(style);
        return close("circle", tip);
    }

    private Svg close(String element, String tip) {
        if (tip == null) {
            out.append("/>");
        } else {
            out.append("><title>").append(escape(tip)).append("</title></").append(element).append('>');
        }
        return this;
    }

    /** Text; anchor is start, middle or end. */
    Svg text(double x, double y, String text, String anchor, String style) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" ").append(style).append('>').append(escape(text)).append("</text>");
        return this;
    }

    /** Text turned 90° counter-clockwise around its point (a y-axis label). */
    Svg verticalText(double x, double y, String text) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 ")
                .append(n(x)).append(' ').append(n(y)).append(")\" font-size=\"11\">").append(escape(text)).append("</text>");
        return this;
    }

    String build() {
        return out + "</svg>";
    }
}
