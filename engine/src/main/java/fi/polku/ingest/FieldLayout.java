package fi.polku.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each canonical column stands in a file's records, resolved from the file's header through the
 * alias table. Header columns the contract does not know are listed as ignored, not silently dropped.
 */
public final class FieldLayout {
    private final Map<String, Integer> index;
    private final List<String> header;
    private final List<String> ignored;
    private final List<String> problems;

    private FieldLayout(Map<String, Integer> index, List<String> header, List<String> ignored, List<String> problems) {
        this.index = index;
        this.header = header;
        this.ignored = ignored;
        this.problems = problems;
    }

    /** Resolves {@code header} against {@code contract}; problems (missing or repeated columns) are collected. */
    public static FieldLayout resolve(List<String> header, InputContract contract, Aliases aliases) {
        Map<String, Integer> index = new LinkedHashMap<>();
        Map<String, String> originalName = new HashMap<>();
        List<String> ignored = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String original = header.get(i) == null ? "" : header.get(i).strip();
            String canonical = aliases.header(contract.dataset(), original);
            if (!contract.accepts(canonical)) {
                ignored.add(original.isEmpty() ? "(column " + (i + 1) + ", no name)" : original);
                continue;
            }
            Integer previous = index.putIfAbsent(canonical, i);
            if (previous != null) {
                problems.add("columns '" + originalName.get(canonical) + "' and '" + original
                        + "' both mean " + canonical);
            } else {
                originalName.put(canonical, original);
            }
        }
        for (InputContract.InputColumn c : contract.columns()) {
            if (c.required() && !index.containsKey(c.name())) {
                problems.add("required column " + c.name() + " is missing");
            }
        }
        for (List<String> group : contract.anyOf()) {
            if (group.stream().noneMatch(index::containsKey)) {
                problems.add("needs at least one of the columns " + String.join(", ", group));
            }
        }
        return new FieldLayout(index, List.copyOf(header), List.copyOf(ignored), List.copyOf(problems));
    }

    /** Whether the file has this canonical column. */
    public boolean has(String column) {
        return index.containsKey(column);
    }

    /** The 0-based field position of a canonical column, or -1. */
    public int indexOf(String column) {
        return index.getOrDefault(column, -1);
    }

    /** Whether field {@code i} (0-based) is a column of the contract, i.e. read rather than ignored. */
    public boolean reads(int i) {
        return index.containsValue(i);
    }

    /** Number of fields the header declares; every record must have as many. */
    public int width() {
        return header.size();
    }

    /** The header name (as in the file) of field {@code i}, for messages. */
    public String headerName(int i) {
        return i >= 0 && i < header.size() ? header.get(i) : "(field " + (i + 1) + ")";
    }

    /** Header columns that are not part of the contract. */
    public List<String> ignored() {
        return ignored;
    }

    /** Why the header cannot be used; empty when it can. */
    public List<String> problems() {
        return problems;
    }
}
