package fi.polku.privacy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Published figures and the linear relations between them that an attacker knows: the cells of one or more
 * linked tables, each a count of cases or a sum of a per-case score resting on a count (a mean times its n:
 * {@code n·mean}), and constraints of two kinds:
 * <ul>
 * <li><b>additive</b>: {@code total = Σ parts} (categories → {@code n_assessed}; terms → {@code all}; arms,
 * respondents or regions → their total; and the same for sums, so count-weighted means are linked too);</li>
 * <li><b>at most</b>: {@code part ≤ whole} (complete cases ≤ episodes).</li>
 * </ul>
 * A sum also carries the bounds every case's score lies in, so {@code min·n ≤ sum ≤ max·n}. A cell's value is
 * {@code null} when it is not published: in the true table that means it was never computed (an estimate not
 * made), in a published view ({@link #published}) that it was hidden. Immutable; built by {@link #builder()}.
 * Reference: Hundepool et al. (2012), <i>Statistical Disclosure Control</i>, Wiley, ch. 4 (linked tables,
 * the attacker's linear problem); de Wolf (2002), HiTaS, in <i>Inference Control in Statistical Databases</i>.
 */
public final class LinkedTables {
    /** What a cell counts. */
    public enum Kind {
        /** A number of cases (integer, at least 0). */
        COUNT,
        /** A sum of a per-case score over the cases of a count ({@code n·mean}). */
        SUM
    }

    /**
     * One published figure.
     *
     * @param id    unique name
     * @param kind  count or sum
     * @param value the figure, or null when not published
     * @param count for a sum: the id of the count it rests on; null for a count
     * @param min   for a sum: the smallest per-case score; 0 for a count
     * @param max   for a sum: the largest per-case score; 0 for a count
     */
    public record Cell(String id, Kind kind, Double value, String count, double min, double max) {
        public Cell {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            if (value != null && !Double.isFinite(value)) {
                throw new IllegalArgumentException("cell " + id + ": value must be finite, was " + value);
            }
            if (kind == Kind.COUNT && value != null && (value < 0 || value != Math.rint(value))) {
                throw new IllegalArgumentException("cell " + id + ": a count must be a whole number at least 0, was " + value);
            }
            if (kind == Kind.SUM && (count == null || !(min <= max))) {
                throw new IllegalArgumentException("cell " + id + ": a sum needs its count and per-case bounds min <= max");
            }
        }

        /** Whether the figure is published (in this view). */
        public boolean shown() {
            return value != null;
        }
    }

    /** The kinds of constraint. */
    public enum Relation {
        /** {@code total = Σ parts}. */
        ADDITIVE,
        /** {@code part ≤ whole} (one part): the part's cases are some of the whole's (complete cases of the episodes). */
        AT_MOST,
        /**
         * {@code lower ≤ higher} (one part, the lower): an order between two figures of different cases, neither a
         * part of the other (a category under two reliability thresholds). Hiding the higher hides no zero lower,
         * and the records' parts of the two need not keep the order.
         */
        ORDERED,
        /**
         * {@code total = Σ parts} between figures of different tables that count the same cases (a project's episodes
         * reached and the children's outcome series): each table keeps its own zero rule, so hiding the total hides
         * no zero part, and the audit allows no part to be zero through it.
         */
        LINKED;

        /** Whether the relation is an equation ({@link #ADDITIVE}, {@link #LINKED}) rather than an inequality. */
        public boolean equation() {
            return this == ADDITIVE || this == LINKED;
        }

        /** Whether hiding the total (or whole) hides its zero parts, and a hidden part of a hidden total may be 0. */
        public boolean hidesZeros() {
            return this == ADDITIVE || this == AT_MOST;
        }
    }

    /**
     * {@code total = Σ parts} or {@code parts[0] ≤ total}.
     *
     * @param relation which
     * @param total    the total (or the whole)
     * @param parts    the parts (one for {@link Relation#AT_MOST} and {@link Relation#ORDERED})
     */
    public record Constraint(Relation relation, String total, List<String> parts) {
        public Constraint {
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(total, "total");
            parts = List.copyOf(parts);
            if (parts.isEmpty() || !relation.equation() && parts.size() != 1) {
                throw new IllegalArgumentException("constraint on " + total + ": wrong number of parts " + parts.size());
            }
        }

        /** Every cell the constraint names, total first. */
        public List<String> cells() {
            List<String> all = new ArrayList<>(parts.size() + 1);
            all.add(total);
            all.addAll(parts);
            return all;
        }

        @Override
        public String toString() {
            return total + (relation.equation() ? " = " + String.join(" + ", parts) : " >= " + parts.get(0));
        }
    }

    private static final double TOLERANCE = 1e-6;

    private final Map<String, Cell> cells;
    private final List<Constraint> constraints;
    private final Set<String> kept;

    private LinkedTables(Map<String, Cell> cells, List<Constraint> constraints, Set<String> kept) {
        this.cells = Collections.unmodifiableMap(cells);
        this.constraints = List.copyOf(constraints);
        this.kept = Set.copyOf(kept);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Cells by id, in the order they were added. */
    public Map<String, Cell> cells() {
        return cells;
    }

    /** The constraints, in the order they were added. */
    public List<Constraint> constraints() {
        return constraints;
    }

    /** Cells to keep shown where possible: secondary suppression chooses them last. */
    public Set<String> kept() {
        return kept;
    }

    /** The cell of an id. @throws IllegalArgumentException if there is none */
    public Cell cell(String id) {
        Cell c = cells.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no cell " + id);
        }
        return c;
    }

    /** The view an attacker has: the same cells and constraints with {@code hidden} cells' values removed. */
    public LinkedTables published(Set<String> hidden) {
        Map<String, Cell> view = new LinkedHashMap<>();
        cells.forEach((id, c) -> view.put(id, hidden.contains(id) ? new Cell(id, c.kind(), null, c.count(), c.min(), c.max()) : c));
        return new LinkedTables(view, constraints, kept);
    }

    /**
     * These tables with a second set of figures published beside them (another surface's table whose relations reach
     * into these: the pages' reliability sensitivity beside region_outcomes). The other's cell ids are renamed by
     * {@code rename}; a renamed id that is already a cell here is the same figure, and this table's cell is kept
     * (the other must not show it where this one has no value). Constraints of both hold; cells kept in either are
     * kept.
     *
     * @throws IllegalArgumentException if a shared figure differs in kind, or the other shows a value this table does
     *                                  not have or has otherwise (two descriptions of different figures)
     */
    public LinkedTables joined(LinkedTables other, java.util.function.UnaryOperator<String> rename) {
        Builder b = builder();
        cells.values().forEach(b::add);
        constraints.forEach(b.constraints::add);
        kept.forEach(b::keep);
        for (Cell c : other.cells.values()) {
            String id = rename.apply(c.id());
            Cell here = cells.get(id);
            if (here == null) {
                b.add(new Cell(id, c.kind(), c.value(), c.count() == null ? null : rename.apply(c.count()), c.min(), c.max()));
            } else if (here.kind() != c.kind() || c.value() != null && !c.value().equals(here.value())) {
                throw new IllegalArgumentException("cell " + id + " is " + here + " here but " + c + " beside");
            }
        }
        for (Constraint k : other.constraints) {
            b.constraints.add(new Constraint(k.relation(), rename.apply(k.total()), k.parts().stream().map(rename).toList()));
        }
        other.kept.stream().map(rename).forEach(b::keep);
        return b.build();
    }

    /** Suffix of the part of a cell that published records show ({@link #withKnownParts}). */
    public static final String KNOWN = "+records";
    /** Suffix of the part of a cell that no published record shows ({@link #withKnownParts}). */
    public static final String UNKNOWN = "-records";

    /**
     * The tables as seen by someone who also holds published records (microdata) of some of the cases: for every
     * cell in {@code known}, the part of its value those records make up (a recount: cases counted, scores summed).
     * Each such cell {@code c} splits as {@code c = c+records + c-records}: the known part is shown; the rest is
     * shown where {@code c} is ({@code c − known}), unknown where {@code c} is hidden, and may be 0. The split
     * parts keep every relation of their cells: an additive constraint whose cells are all split holds on both
     * sides, an at-most relation holds on the unknown side ({@code complete cases not in the records ≤ episodes not
     * in the records}), and an unknown sum keeps its per-case bounds over its unknown count. Auditing this view
     * ({@link DisclosureAudit}) attacks the hidden cells with the records as well as the figures: a hidden count
     * whose cases all appear in the records is pinned by its known part.
     *
     * @param known per cell id, the part of its value in the published records; a sum's count must be in it too
     * @return the extended view (cells not in {@code known} unchanged)
     * @throws IllegalArgumentException if {@code known} names an unknown cell, a sum without its count, a count that is
     *                                  not whole and at least 0, or a count's part larger than its shown count (a sum's
     *                                  part may exceed it: scores can be negative), or if the
     *                                  known parts break a constraint (a recount that is not one)
     */
    public LinkedTables withKnownParts(Map<String, Double> known) {
        Builder b = builder();
        cells.values().forEach(b::add);
        constraints.forEach(b.constraints::add);
        kept.forEach(b::keep);
        for (Map.Entry<String, Double> e : known.entrySet()) {
            Cell c = cell(e.getKey());
            double part = e.getValue();
            if (c.kind() == Kind.SUM && !known.containsKey(c.count())) {
                throw new IllegalArgumentException("known part of sum " + c.id() + " without a known part of its count " + c.count());
            }
            Double rest = c.value() == null ? null : c.value() - part;
            if (c.kind() == Kind.COUNT && rest != null && rest < -TOLERANCE * Math.max(1, Math.abs(c.value()))) {
                throw new IllegalArgumentException("cell " + c.id() + ": known part " + part + " exceeds the figure " + c.value());
            }
            if (c.kind() == Kind.COUNT) {
                b.add(new Cell(c.id() + KNOWN, Kind.COUNT, part, null, 0, 0));
                b.add(new Cell(c.id() + UNKNOWN, Kind.COUNT, rest == null ? null : (double) Math.round(rest), null, 0, 0));
            } else {
                b.add(new Cell(c.id() + KNOWN, Kind.SUM, part, c.count() + KNOWN, c.min(), c.max()));
                b.add(new Cell(c.id() + UNKNOWN, Kind.SUM, rest, c.count() + UNKNOWN, c.min(), c.max()));
            }
            b.additive(c.id(), List.of(c.id() + KNOWN, c.id() + UNKNOWN));
        }
        for (Constraint k : constraints) {
            if (!k.relation().hidesZeros() || !k.cells().stream().allMatch(known::containsKey)) {
                continue;
            }
            for (String side : List.of(KNOWN, UNKNOWN)) {
                b.constraints.add(new Constraint(k.relation(), k.total() + side, k.parts().stream().map(p -> p + side).toList()));
            }
        }
        return b.build();
    }

    /** Builds a {@link LinkedTables}; checks that every constraint holds on the values it has. */
    public static final class Builder {
        private final Map<String, Cell> cells = new LinkedHashMap<>();
        private final List<Constraint> constraints = new ArrayList<>();
        private final Set<String> kept = new java.util.HashSet<>();

        private Builder() {
        }

        /** A count; {@code value} null when it is not published. */
        public Builder count(String id, Long value) {
            return add(new Cell(id, Kind.COUNT, value == null ? null : value.doubleValue(), null, 0, 0));
        }

        /** A sum of per-case scores in [{@code min}, {@code max}] over the cases of {@code count}; null when not published. */
        public Builder sum(String id, Double value, String count, double min, double max) {
            return add(new Cell(id, Kind.SUM, value, count, min, max));
        }

        /** {@code total = Σ parts}. */
        public Builder additive(String total, List<String> parts) {
            constraints.add(new Constraint(Relation.ADDITIVE, total, parts));
            return this;
        }

        /** Marks a cell to keep shown where possible (secondary suppression takes it last). */
        public Builder keep(String id) {
            kept.add(id);
            return this;
        }

        /** {@code part ≤ whole}. */
        public Builder atMost(String part, String whole) {
            constraints.add(new Constraint(Relation.AT_MOST, whole, List.of(part)));
            return this;
        }

        /** {@code total = Σ parts} between figures of different tables ({@link Relation#LINKED}). */
        public Builder linked(String total, List<String> parts) {
            constraints.add(new Constraint(Relation.LINKED, total, parts));
            return this;
        }

        /** {@code lower ≤ higher}, an order between figures of different cases ({@link Relation#ORDERED}). */
        public Builder ordered(String lower, String higher) {
            constraints.add(new Constraint(Relation.ORDERED, higher, List.of(lower)));
            return this;
        }

        /**
         * The tables.
         *
         * @throws IllegalArgumentException if a constraint names an unknown cell, mixes counts and sums, or does not
         *                                  hold on the cells' values (a bug in whoever described the tables)
         */
        public LinkedTables build() {
            for (Cell c : cells.values()) {
                if (c.kind() == Kind.SUM && (!cells.containsKey(c.count()) || cells.get(c.count()).kind() != Kind.COUNT)) {
                    throw new IllegalArgumentException("sum " + c.id() + ": its count " + c.count() + " is not a count cell");
                }
            }
            for (Constraint k : constraints) {
                Kind kind = null;
                for (String id : k.cells()) {
                    Cell c = cells.get(id);
                    if (c == null) {
                        throw new IllegalArgumentException("constraint " + k + ": no cell " + id);
                    }
                    if (kind != null && c.kind() != kind) {
                        throw new IllegalArgumentException("constraint " + k + " mixes counts and sums");
                    }
                    kind = c.kind();
                }
                check(k);
            }
            for (String id : kept) {
                if (!cells.containsKey(id)) {
                    throw new IllegalArgumentException("kept cell " + id + " is not a cell");
                }
            }
            return new LinkedTables(new LinkedHashMap<>(cells), constraints, kept);
        }

        private void check(Constraint k) {
            Double total = cells.get(k.total()).value();
            double sum = 0;
            for (String p : k.parts()) {
                Double v = cells.get(p).value();
                if (v == null) {
                    return;
                }
                sum += v;
            }
            if (total == null) {
                return;
            }
            double slack = TOLERANCE * Math.max(1, Math.abs(total));
            boolean holds = k.relation().equation() ? Math.abs(total - sum) <= slack : sum <= total + slack;
            if (!holds) {
                throw new IllegalArgumentException("constraint " + k + " does not hold: " + total + " vs " + sum);
            }
        }

        private Builder add(Cell c) {
            if (cells.putIfAbsent(c.id(), c) != null) {
                throw new IllegalArgumentException("cell " + c.id() + " added twice");
            }
            return this;
        }
    }
}
