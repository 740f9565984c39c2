package com.qualityreview.reporting;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The display names of complaint categories per language, from the user-edited file
 * {@code quality.reports.category-names} (default {@code jobs/complaint-categories.yml}). The data
 * holds codes; a code without a name in the reader's language is shown as the code.
 *
 * <pre>
 * WAIT_TIME: {en: Waiting time, zh-CN: 等待时间}
 * </pre>
 */
public final class CategoryNames {

    public static final String DEFAULT_FILE = "jobs/complaint-categories.yml";
    /** Codes only: no file. */
    public static final CategoryNames NONE = new CategoryNames(Map.of());

    /** Category code (as the data holds it, upper case) → language tag → name. */
    private final Map<String, Map<String, String>> names;

    private CategoryNames(Map<String, Map<String, String>> names) {
        this.names = names;
    }

    /**
     * Reads the file. A missing file is codes only when {@code optional} (the default location, which
     * an installation may not have), else an error: a path the user set, and mistyped. Every problem
     * names the setting, the file and the line.
     */
    public static CategoryNames load(Path file, boolean optional) {
        String source = "quality.reports.category-names (" + file + ")";
        Node root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        }
        catch (NoSuchFileException e) {
            if (optional) {
                return NONE;
            }
            throw new IllegalStateException(source + ": no such file");
        }
        catch (IOException e) {
            throw new IllegalStateException(source + ": cannot read the file: " + e.getMessage(), e);
        }
        catch (MarkedYAMLException e) {
            throw new IllegalStateException(source + ", line " + line(e.getProblemMark()) + ": not valid YAML: " + e.getProblem(), e);
        }
        if (root == null) {
            return NONE;
        }
        if (!(root instanceof MappingNode categories)) {
            throw new IllegalStateException(source + ", line " + line(root.getStartMark())
                    + ": expected category codes, each with its names, e.g. WAIT_TIME: {en: Waiting time, zh-CN: 等待时间}");
        }
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        for (NodeTuple category : categories.getValue()) {
            String code = scalar(category.getKeyNode(), source, "a category code");
            String where = source + ", line " + line(category.getKeyNode().getStartMark()) + " (" + code + ")";
            if (names.containsKey(code.toUpperCase(Locale.ROOT))) {
                throw new IllegalStateException(where + ": category given twice");
            }
            if (!(category.getValueNode() instanceof MappingNode languages)) {
                throw new IllegalStateException(where + ": expected its names per language, e.g. {en: Waiting time, zh-CN: 等待时间}");
            }
            Map<String, String> byLanguage = new HashMap<>();
            for (NodeTuple language : languages.getValue()) {
                String tag = scalar(language.getKeyNode(), source, "a language tag");
                if (Locale.forLanguageTag(tag).getLanguage().isEmpty()) {
                    throw new IllegalStateException(source + ", line " + line(language.getKeyNode().getStartMark()) + " (" + code
                            + "): '" + tag + "' is not a language tag (en, zh-CN, ...)");
                }
                String name = scalar(language.getValueNode(), source, "the name in " + tag);
                byLanguage.put(Locale.forLanguageTag(tag).toLanguageTag(), name);
            }
            // Codes are compared as the import stores them: upper case.
            names.put(code.toUpperCase(Locale.ROOT), Map.copyOf(byLanguage));
        }
        return new CategoryNames(Map.copyOf(names));
    }

    /** The category's name in the locale (or in its language without the country), else the code. */
    public String name(String code, Locale locale) {
        if (code == null) {
            return null;
        }
        Map<String, String> byLanguage = names.get(code.toUpperCase(Locale.ROOT));
        if (byLanguage == null) {
            return code;
        }
        String name = byLanguage.get(locale.toLanguageTag());
        if (name == null) {
            name = byLanguage.get(locale.getLanguage());
        }
        return name == null ? code : name;
    }

    private static String scalar(Node node, String source, String what) {
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            throw new IllegalStateException(source + ", line " + line(node.getStartMark()) + ": expected " + what);
        }
        return scalar.getValue().strip();
    }

    private static int line(Mark mark) {
        return mark == null ? 0 : mark.getLine() + 1;
    }
}
