package fi.polku.jobs.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear axis from data to pixels with "nice" ticks (1, 2 or 5 × 10^k steps), the domain widened to whole
 * ticks so lines never touch the frame.
 */
final class Scale {
    final double min;
    final double max;
    final double step;
    private final double from;
    private final double to;

    private Scale(double min, double max, double step, double from, double to) {
        this.min = min;
        this.max = max;
        this.step = step;
        this.from = from;
        this.to = to;
    }

    /** A scale covering [lo, hi] mapped onto pixels [from, to] (to may be smaller, for a y axis). */
    static Scale of(double lo, double hi, double from, double to, int ticks) {
        if (!(hi > lo)) {
            double pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
            lo -= pad;
            hi += pad;
        }
        double raw = (hi - lo) / Math.max(1, ticks);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * (raw / magnitude <= 1 ? 1 : raw / magnitude <= 2 ? 2 : raw / magnitude <= 5 ? 5 : 10);
        return new Scale(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step, from, to);
    }

    double at(double v) {
        return from + (v - min) / (max - min) * (to - from);
    }

    List<Double> ticks() {
        List<Double> t = new ArrayList<>();
        for (double v = min; v <= max + step / 1e6; v += step) {
            t.add(Math.abs(v) < step / 1e9 ? 0 : v);
        }
        return t;
    }

    /** Decimals that show the step exactly. */
    int decimals() {
        return step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
    }
}
