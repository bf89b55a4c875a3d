package org.petal.ml.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The label values of a dataset, their names and kinds — the content of {@code labels.json}.
 *
 * <p>Immutable. Values are iterated in ascending order, so two equal sets always serialise to the same
 * bytes. Names are case-sensitive and unique; every name has exactly one {@link LabelKind}.
 */
public final class LabelSet {

    /** Smallest and largest label value a set may hold (0 is background; labels are stored as uint16). */
    public static final int MIN_VALUE = 1;
    public static final int MAX_VALUE = 0xFFFF;

    /** Duplicate keys are an error, not "last one wins": a repeated label value is a mistake worth reporting. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final SortedMap<Integer, String> names;
    private final Map<String, LabelKind> kinds;

    private LabelSet(SortedMap<Integer, String> names, Map<String, LabelKind> kinds) {
        this.names = Collections.unmodifiableSortedMap(names);
        this.kinds = Collections.unmodifiableMap(kinds);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Label value → name, ascending by value. */
    public SortedMap<Integer, String> names() { return names; }

    /** Name → kind, in ascending order of the names' values. */
    public Map<String, LabelKind> kinds() { return kinds; }

    public int size() { return names.size(); }

    public Optional<String> name(int value) {
        return Optional.ofNullable(names.get(value));
    }

    public Optional<LabelKind> kind(String name) {
        return Optional.ofNullable(kinds.get(name));
    }

    /** The value labelled {@code name}; empty when the set has no such name. */
    public Optional<Integer> value(String name) {
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            if (e.getValue().equals(name)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** Values whose kind is {@link LabelKind#LESION}, ascending. */
    public List<Integer> lesionValues() {
        List<Integer> out = new ArrayList<>();
        names.forEach((value, name) -> {
            if (kinds.get(name) == LabelKind.LESION) {
                out.add(value);
            }
        });
        return out;
    }

    /**
     * Parses {@code labels.json} content.
     *
     * @param source names the file in error messages
     */
    public static LabelSet fromJson(String json, String source) throws InvalidDatasetException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidDatasetException(source + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidDatasetException(source + " must hold a JSON object with \"labels\" and \"kinds\"");
        }
        JsonNode labels = requireObject(root, "labels", source);
        JsonNode kinds = requireObject(root, "kinds", source);

        Map<String, LabelKind> kindByName = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = kinds.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new InvalidDatasetException(source + ": kind of \"" + e.getKey() + "\" must be a string, \"organ\" or \"lesion\"");
            }
            LabelKind kind = LabelKind.parse(e.getValue().asText());
            if (kind == null) {
                throw new InvalidDatasetException(source + ": kind of \"" + e.getKey() + "\" is \"" + e.getValue().asText()
                    + "\"; expected \"organ\" or \"lesion\"");
            }
            kindByName.put(e.getKey(), kind);
        }

        Builder builder = builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int value;
            try {
                value = Integer.parseInt(e.getKey().trim());
            } catch (NumberFormatException ex) {
                throw new InvalidDatasetException(source + ": label key \"" + e.getKey() + "\" is not an integer");
            }
            if (!e.getValue().isTextual()) {
                throw new InvalidDatasetException(source + ": name of label " + value + " must be a string");
            }
            String name = e.getValue().asText();
            LabelKind kind = kindByName.get(name);
            if (kind == null) {
                throw new InvalidDatasetException(source + ": label " + value + " (\"" + name + "\") has no entry in \"kinds\"");
            }
            builder.add(value, name, kind, source);
        }
        LabelSet set = builder.build(source);
        for (String name : kindByName.keySet()) {
            if (!set.kinds.containsKey(name)) {
                throw new InvalidDatasetException(source + ": \"kinds\" names \"" + name + "\", which no label uses");
            }
        }
        return set;
    }

    /** Pretty-printed {@code labels.json} content, values ascending. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode labels = root.putObject("labels");
        ObjectNode kindsNode = root.putObject("kinds");
        names.forEach((value, name) -> {
            labels.put(Integer.toString(value), name);
            kindsNode.put(name, kinds.get(name).jsonName());
        });
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode requireObject(JsonNode root, String field, String source) throws InvalidDatasetException {
        JsonNode node = root.get(field);
        if (node == null) {
            throw new InvalidDatasetException(source + " has no \"" + field + "\" object");
        }
        if (!node.isObject()) {
            throw new InvalidDatasetException(source + ": \"" + field + "\" must be a JSON object");
        }
        return node;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSet other && names.equals(other.names) && kinds.equals(other.kinds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(names, kinds);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LabelSet{");
        names.forEach((v, n) -> sb.append(sb.length() > 9 ? ", " : "").append(v).append('=').append(n).append('/')
            .append(kinds.get(n).jsonName()));
        return sb.append('}').toString();
    }

    /** Collects labels and checks them once, in {@link #build()}. */
    public static final class Builder {
        private final List<Object[]> entries = new ArrayList<>();

        private Builder() {}

        public Builder add(int value, String name, LabelKind kind) {
            entries.add(new Object[] {value, name, kind, null});
            return this;
        }

        private Builder add(int value, String name, LabelKind kind, String source) {
            entries.add(new Object[] {value, name, kind, source});
            return this;
        }

        /** @throws IllegalArgumentException when a value is out of range or repeated, or a name is blank or repeated */
        public LabelSet build() {
            try {
                return build("label set");
            } catch (InvalidDatasetException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        private LabelSet build(String source) throws InvalidDatasetException {
            SortedMap<Integer, String> names = new TreeMap<>();
            Map<String, Integer> valueByName = new LinkedHashMap<>();
            Map<String, LabelKind> kindByName = new LinkedHashMap<>();
            for (Object[] e : entries) {
                int value = (Integer) e[0];
                String name = (String) e[1];
                LabelKind kind = (LabelKind) e[2];
                if (value < MIN_VALUE || value > MAX_VALUE) {
                    throw new InvalidDatasetException(source + ": label value " + value + " is outside " + MIN_VALUE + ".." + MAX_VALUE
                        + " (0 is background)");
                }
                if (name == null || name.isBlank()) {
                    throw new InvalidDatasetException(source + ": label " + value + " has an empty name");
                }
                if (kind == null) {
                    throw new InvalidDatasetException(source + ": label " + value + " (\"" + name + "\") has no kind");
                }
                if (names.containsKey(value)) {
                    throw new InvalidDatasetException(source + ": label value " + value + " is listed twice");
                }
                Integer other = valueByName.get(name);
                if (other != null) {
                    throw new InvalidDatasetException(source + ": name \"" + name + "\" is used by labels " + other + " and " + value);
                }
                names.put(value, name);
                valueByName.put(name, value);
                kindByName.put(name, kind);
            }
            // Kinds are kept in value order so iteration never depends on insertion order.
            Map<String, LabelKind> kinds = new LinkedHashMap<>();
            names.values().forEach(n -> kinds.put(n, kindByName.get(n)));
            return new LabelSet(names, kinds);
        }
    }
}
