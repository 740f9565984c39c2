package com.qualityreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages are modules: each uses only what another exposes and declares it may use,
 * and none in a cycle. Also writes the module documentation (PlantUML diagrams and module canvases)
 * into docs/modules, and fails when what was there was out of date, so the map in
 * docs/architecture.md is the code's own.
 */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(QualityReviewApplication.class);
    static final Path DOCS = Path.of("docs/modules");

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void moduleDocumentationInDocsIsTheCodesOwn() throws IOException {
        Map<String, String> before = contents(DOCS);
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        normalise(DOCS);
        assertThat(contents(DOCS))
                .as("docs/modules was out of date and has been written anew: commit it")
                .isEqualTo(before);
    }

    @Test
    void architectureDocumentNamesEveryModule() throws IOException {
        String architecture = Files.readString(Path.of("docs/architecture.md"), StandardCharsets.UTF_8);
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .allSatisfy(module -> assertThat(architecture).contains("`" + module + "`"));
    }

    /**
     * The Documenter lists relations, components and beans in hash order, which changes from run to
     * run: sorted runs of such lines make the files the same for the same code.
     */
    private static void normalise(Path folder) throws IOException {
        for (Map.Entry<String, String> file : contents(folder).entrySet()) {
            List<String> lines = new ArrayList<>(file.getValue().lines().toList());
            for (int start = 0; start < lines.size(); ) {
                String kind = listKind(lines.get(start));
                int end = start + 1;
                while (kind != null && end < lines.size() && kind.equals(listKind(lines.get(end)))) {
                    end++;
                }
                if (kind != null) {
                    Collections.sort(lines.subList(start, end));
                }
                start = end;
            }
            Files.writeString(folder.resolve(file.getKey()), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        }
    }

    private static String listKind(String line) {
        String trimmed = line.stripLeading();
        return trimmed.startsWith("Rel(") ? "Rel" : trimmed.startsWith("Component(") ? "Component"
                : trimmed.startsWith("* ") ? "*" : null;
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> list = Files.list(folder)) {
                for (Path file : list.filter(Files::isRegularFile).toList()) {
                    files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }
}
