package fi.polku.privacy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which constraints and sum bounds name each cell of a {@link LinkedTables}, built once and valid for every published
 * view of it ({@link LinkedTables#published} keeps the cells, their order and the constraints; only values go). The
 * audit and the suppression used to scan every constraint of the view for each component, each hidden count and each
 * trial cell, which made an audit of the rate tables (tens of thousands of cells) quadratic.
 */
final class LinkIndex {
    private final List<LinkedTables.Constraint> constraints;
    private final List<LinkedTables.Cell> cells;
    private final Map<String, Integer> position = new HashMap<>();
    private final Map<String, List<Integer>> constraintsAt = new HashMap<>();
    private final Map<String, List<Integer>> sumsAt = new HashMap<>();

    LinkIndex(LinkedTables tables) {
        constraints = tables.constraints();
        for (int k = 0; k < constraints.size(); k++) {
            for (String id : constraints.get(k).cells()) {
                constraintsAt.computeIfAbsent(id, x -> new ArrayList<>()).add(k);
            }
        }
        cells = List.copyOf(tables.cells().values());
        for (int i = 0; i < cells.size(); i++) {
            LinkedTables.Cell c = cells.get(i);
            position.put(c.id(), i);
            if (c.kind() == LinkedTables.Kind.SUM) {
                sumsAt.computeIfAbsent(c.id(), x -> new ArrayList<>()).add(i);
                sumsAt.computeIfAbsent(c.count(), x -> new ArrayList<>()).add(i);
            }
        }
    }

    /** The constraints naming any of {@code members}, in the tables' order. */
    List<LinkedTables.Constraint> constraints(Collection<String> members) {
        TreeSet<Integer> at = new TreeSet<>();
        members.forEach(id -> at.addAll(constraintsAt.getOrDefault(id, List.of())));
        return at.stream().map(constraints::get).toList();
    }

    /** The ids of the sum cells that are, or count over, any of {@code members}, in the tables' order. */
    List<String> sums(Collection<String> members) {
        TreeSet<Integer> at = new TreeSet<>();
        members.forEach(id -> at.addAll(sumsAt.getOrDefault(id, List.of())));
        return at.stream().map(i -> cells.get(i).id()).toList();
    }

    /**
     * Whether a hidden count may be zero in the attacker's eyes in {@code view}: it is a part of a total (or of a whole
     * it is at most) that is hidden too, the one place zeros are hidden (an {@link LinkedTables.Relation#ORDERED} higher
     * figure or a {@link LinkedTables.Relation#LINKED} total in another table is no whole: hiding it hides no zero).
     */
    boolean mayBeZero(LinkedTables view, String id) {
        for (int k : constraintsAt.getOrDefault(id, List.of())) {
            LinkedTables.Constraint c = constraints.get(k);
            if (c.relation().hidesZeros() && c.parts().contains(id) && !view.cell(c.total()).shown()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The component of {@code id} in {@code view}: the cells without a value linked to it through constraints and sum
     * bounds, in the tables' order.
     */
    List<String> component(LinkedTables view, String id) {
        Set<String> seen = new HashSet<>(List.of(id));
        Deque<String> next = new ArrayDeque<>(List.of(id));
        while (!next.isEmpty()) {
            String x = next.poll();
            List<String> linked = new ArrayList<>();
            for (int k : constraintsAt.getOrDefault(x, List.of())) {
                linked.addAll(constraints.get(k).cells());
            }
            for (int i : sumsAt.getOrDefault(x, List.of())) {
                LinkedTables.Cell sum = view.cell(cells.get(i).id());
                if (!sum.shown()) {
                    linked.add(sum.id().equals(x) ? sum.count() : sum.id());
                }
            }
            for (String y : linked) {
                if (!view.cell(y).shown() && seen.add(y)) {
                    next.add(y);
                }
            }
        }
        List<String> out = new ArrayList<>(seen);
        out.sort(Comparator.comparingInt(position::get));
        return out;
    }

    /** Every component of {@code view}: the cells without a value, grouped by what links them, each in the tables' order. */
    List<List<String>> components(LinkedTables view) {
        Set<String> seen = new HashSet<>();
        List<List<String>> out = new ArrayList<>();
        for (LinkedTables.Cell c : cells) {
            if (!view.cell(c.id()).shown() && !seen.contains(c.id())) {
                List<String> component = component(view, c.id());
                seen.addAll(component);
                out.add(component);
            }
        }
        return out;
    }
}
