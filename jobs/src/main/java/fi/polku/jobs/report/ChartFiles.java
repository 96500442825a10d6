package fi.polku.jobs.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.apache.batik.transcoder.image.PNGTranscoder;

/**
 * A chart as files beside its page: the page's own SVG as a standalone file (with an XML declaration) and a PNG
 * rendered from it by Apache Batik at twice the chart's width on white, for documents that do not take SVG.
 * The SVG names its font (DejaVu Sans, then Arial, then the platform's sans-serif), which Batik finds through
 * Java's font system.
 */
final class ChartFiles {
    /** PNG pixels per SVG unit: 2 keeps text sharp in a printed report. */
    static final float SCALE = 2f;

    private ChartFiles() {
    }

    /** The standalone SVG file's text. */
    static String svg(Chart chart) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + chart.svg() + "\n";
    }

    /**
     * The chart as a PNG.
     *
     * @throws IllegalStateException when Batik cannot render the SVG (a bug in a chart class)
     */
    static byte[] png(Chart chart) {
        java.util.regex.Matcher width = java.util.regex.Pattern.compile("<svg [^>]*?width=\"(\\d+)\"").matcher(chart.svg());
        PNGTranscoder transcoder = new PNGTranscoder();
        if (width.find()) {
            transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_WIDTH, SCALE * Integer.parseInt(width.group(1)));
        }
        transcoder.addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, Color.WHITE);
        TranscoderInput in = new TranscoderInput(new StringReader(chart.svg()));
        in.setURI("file:///chart.svg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            transcoder.transcode(in, new TranscoderOutput(out));
        } catch (TranscoderException e) {
            throw new IllegalStateException("chart " + chart.description() + " cannot be drawn as PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
