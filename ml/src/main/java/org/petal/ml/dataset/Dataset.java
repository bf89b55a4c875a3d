package org.petal.ml.dataset;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.petal.ml.io.AtomicFiles;

/**
 * A dataset directory: {@code labels.json}, {@code cases.csv} and the images they point to (see
 * {@code package-info} for the format).
 *
 * <p>The constructor checks what can be checked without touching the disk: unique case ids and every
 * image path inside {@code dir}. {@link #read(Path)} additionally checks that every listed image exists.
 *
 * @param dir    the dataset directory, stored absolute and normalised
 * @param labels label values, names and kinds
 * @param cases  the cases in file order, image paths absolute
 */
public record Dataset(Path dir, LabelSet labels, List<DatasetCase> cases) {

    public static final String LABELS_FILE = "labels.json";
    public static final String CASES_FILE = "cases.csv";

    static final String COL_CASE_ID = "case_id";
    static final String COL_PET = "pet";
    static final String COL_LABEL = "label";
    static final String COL_CT = "ct";

    public Dataset {
        Objects.requireNonNull(labels, "labels");
        Path root = dir.toAbsolutePath().normalize();
        dir = root;
        List<DatasetCase> resolved = new ArrayList<>(cases.size());
        Set<String> ids = new HashSet<>();
        for (DatasetCase c : cases) {
            if (!ids.add(c.caseId())) {
                throw new IllegalArgumentException("case id \"" + c.caseId() + "\" appears twice");
            }
            resolved.add(new DatasetCase(c.caseId(), inside(root, c.pet(), c.caseId()), inside(root, c.label(), c.caseId()),
                c.ct().map(p -> inside(root, p, c.caseId()))));
        }
        cases = List.copyOf(resolved);
    }

    public Optional<DatasetCase> find(String caseId) {
        return cases.stream().filter(c -> c.caseId().equals(caseId)).findFirst();
    }

    /**
     * Reads {@code dir/labels.json} and {@code dir/cases.csv} and checks that every listed image exists.
     *
     * @throws InvalidDatasetException for a missing or malformed metadata file, a missing column, an empty
     *                                 or repeated case id, a path that leaves {@code dir}, or a missing image
     */
    public static Dataset read(Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new InvalidDatasetException("dataset directory " + root + " does not exist");
        }
        LabelSet labels = LabelSet.fromJson(readText(root.resolve(LABELS_FILE)), LABELS_FILE);
        List<DatasetCase> cases = readCases(root, readText(root.resolve(CASES_FILE)));
        return new Dataset(root, labels, cases);
    }

    /**
     * Writes {@code labels.json} and {@code cases.csv} into {@link #dir()} (created if needed), each
     * atomically. Image paths are written relative to {@code dir} with '/' separators; the {@code ct}
     * column is written only when some case has a CT. The images themselves are not touched.
     */
    public void write() throws IOException {
        Files.createDirectories(dir);
        boolean anyCt = cases.stream().anyMatch(c -> c.ct().isPresent());
        StringBuilder csv = new StringBuilder();
        csv.append(Csv.formatRow(anyCt ? List.of(COL_CASE_ID, COL_PET, COL_LABEL, COL_CT) : List.of(COL_CASE_ID, COL_PET, COL_LABEL)));
        for (DatasetCase c : cases) {
            List<String> row = new ArrayList<>(List.of(c.caseId(), relative(c.pet()), relative(c.label())));
            if (anyCt) {
                row.add(c.ct().map(this::relative).orElse(""));
            }
            csv.append(Csv.formatRow(row));
        }
        AtomicFiles.writeString(dir.resolve(LABELS_FILE), labels.toJson());
        AtomicFiles.writeString(dir.resolve(CASES_FILE), csv.toString());
    }

    private String relative(Path absolute) {
        // Forward slashes on every platform, so a dataset written on Windows reads on Linux.
        return dir.relativize(absolute).toString().replace('\\', '/');
    }

    private static List<DatasetCase> readCases(Path root, String text) throws InvalidDatasetException {
        List<Csv.Row> rows = Csv.parse(text, CASES_FILE);
        if (rows.isEmpty()) {
            throw new InvalidDatasetException(CASES_FILE + " is empty; it needs the header " + COL_CASE_ID + "," + COL_PET + "," + COL_LABEL);
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = rows.get(0).fields();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).trim();
            if (column.put(name, c) != null) {
                throw new InvalidDatasetException(CASES_FILE + ": column \"" + name + "\" appears twice in the header");
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of(COL_CASE_ID, COL_PET, COL_LABEL)) {
            if (!column.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidDatasetException(CASES_FILE + " header " + header + " lacks column(s) " + String.join(", ", missing)
                + "; expected " + COL_CASE_ID + "," + COL_PET + "," + COL_LABEL + "[," + COL_CT + "]");
        }
        int idCol = column.get(COL_CASE_ID);
        int petCol = column.get(COL_PET);
        int labelCol = column.get(COL_LABEL);
        Integer ctCol = column.get(COL_CT);

        List<DatasetCase> cases = new ArrayList<>();
        Map<String, Integer> lineById = new HashMap<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            String where = CASES_FILE + " line " + row.line();
            if (row.fields().size() != header.size()) {
                throw new InvalidDatasetException(where + " has " + row.fields().size() + " fields, the header has " + header.size());
            }
            String id = row.fields().get(idCol).trim();
            if (id.isEmpty()) {
                throw new InvalidDatasetException(where + ": " + COL_CASE_ID + " is empty");
            }
            Integer firstLine = lineById.putIfAbsent(id, row.line());
            if (firstLine != null) {
                throw new InvalidDatasetException(where + ": case id \"" + id + "\" already used on line " + firstLine);
            }
            Path pet = existingImage(root, row.fields().get(petCol), COL_PET, id, where);
            Path label = existingImage(root, row.fields().get(labelCol), COL_LABEL, id, where);
            Optional<Path> ct = Optional.empty();
            if (ctCol != null && !row.fields().get(ctCol).isBlank()) {
                ct = Optional.of(existingImage(root, row.fields().get(ctCol), COL_CT, id, where));
            }
            cases.add(new DatasetCase(id, pet, label, ct));
        }
        return cases;
    }

    private static Path existingImage(Path root, String text, String columnName, String caseId, String where)
        throws InvalidDatasetException {
        if (text.isBlank()) {
            throw new InvalidDatasetException(where + ": case " + caseId + " has an empty " + columnName + " path");
        }
        Path path;
        try {
            path = resolveInside(root, text);
        } catch (IllegalArgumentException e) {
            throw new InvalidDatasetException(where + ": case " + caseId + " " + columnName + " path: " + e.getMessage());
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidDatasetException(where + ": case " + caseId + " " + columnName + " file " + text + " does not exist (looked for "
                + path + ")");
        }
        return path;
    }

    /** Resolves a path written in cases.csv against {@code root}; rejects absolute paths and ones leaving {@code root}. */
    static Path resolveInside(Path root, String text) {
        Path relative;
        try {
            relative = Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a valid path");
        }
        if (relative.isAbsolute() || text.startsWith("/") || text.startsWith("\\")) {
            throw new IllegalArgumentException("\"" + text + "\" is absolute; paths must be relative to the dataset directory");
        }
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw new IllegalArgumentException("\"" + text + "\" points outside the dataset directory " + root);
        }
        return resolved;
    }

    private static Path inside(Path root, Path path, String caseId) {
        Path resolved = root.resolve(path).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw new IllegalArgumentException("case " + caseId + ": " + path + " is outside the dataset directory " + root);
        }
        return resolved;
    }

    private static String readText(Path file) throws IOException {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new InvalidDatasetException("dataset " + file.getParent() + " has no " + file.getFileName(), e);
        } catch (CharacterCodingException e) {
            throw new InvalidDatasetException(file.getFileName() + " is not UTF-8 text", e);
        }
    }
}
