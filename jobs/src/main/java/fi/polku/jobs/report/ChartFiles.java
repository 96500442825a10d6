package fi.polku.jobs.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;

/**
 * A chart as files beside its page: the page's own SVG as a standalone file (with an XML declaration) and a PNG
 * rendered from it by Apache Batik at twice the chart's width on white, for documents that do not take SVG, and
 * encoded by the JDK's PNG writer (Batik's own encoder compresses at zlib's slowest level: on the demo's 34 charts it
 * took 3.4–4.9 s against the JDK's 0.6–0.9 s, and its files were 11 % larger; the pixels are the same).
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
        Raster raster = new Raster();
        if (width.find()) {
            raster.addTranscodingHint(SVGAbstractTranscoder.KEY_WIDTH, SCALE * Integer.parseInt(width.group(1)));
        }
        raster.addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, Color.WHITE);
        TranscoderInput in = new TranscoderInput(new StringReader(chart.svg()));
        in.setURI("file:///chart.svg");
        try {
            raster.transcode(in, new TranscoderOutput(new ByteArrayOutputStream()));
        } catch (TranscoderException e) {
            throw new IllegalStateException("chart " + chart.description() + " cannot be drawn as PNG: " + e.getMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // An in-memory stream: ImageIO's default for an OutputStream may cache in a temporary file.
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageIO.write(raster.image, "png", stream);
        } catch (IOException e) {
            throw new UncheckedIOException("chart " + chart.description() + " cannot be encoded as PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Batik's rendering into an opaque image (the background is painted white first), kept for the JDK's encoder. */
    private static final class Raster extends ImageTranscoder {
        private BufferedImage image;

        @Override
        public BufferedImage createImage(int width, int height) {
            return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        }

        @Override
        public void writeImage(BufferedImage rendered, TranscoderOutput output) {
            image = rendered;
        }
    }
}
