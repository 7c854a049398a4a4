package vn.gov.par.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The repository as the deployment files see it: paths from its root, YAML and POM files read as data. */
final class Repository {

    static final List<String> SERVICES = List.of("plan-service", "task-service", "report-service", "notification-service");

    static final Path ROOT = findRoot(Path.of("").toAbsolutePath());
    static final Path DEPLOYMENT = ROOT.resolve("infra/deployment");

    private Repository() {
    }

    private static Path findRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("infra/deployment"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + start);
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a YAML file, anchors and merge keys resolved, as plain maps and lists. */
    static List<Map<String, Object>> yamlDocuments(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(text(file))) {
            if (document != null) {
                documents.add(Tree.map(document));
            }
        }
        return documents;
    }

    static Map<String, Object> yaml(Path file) {
        List<Map<String, Object>> documents = yamlDocuments(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(file + " holds " + documents.size() + " YAML documents, not one");
        }
        return documents.get(0);
    }

    /** What every service configures the same way, below each service's own application.yml (ServiceDefaults). */
    static Path sharedServiceConfiguration() {
        return ROOT.resolve("infra/service-support/src/main/resources/par-service-defaults.yml");
    }

    static Path serviceConfiguration(String service) {
        return ROOT.resolve(service).resolve("src/main/resources/application.yml");
    }

    /** The project's version, which the images are tagged with. */
    static String projectVersion() {
        return childText(pom(ROOT.resolve("pom.xml")), "version");
    }

    /** The runnable jar a service module builds: its final name, and the classifier the Boot plugin adds. */
    static String runnableJarName(String service) {
        Element project = pom(ROOT.resolve(service).resolve("pom.xml"));
        Element build = (Element) project.getElementsByTagName("build").item(0);
        String finalName = childText(build, "finalName");
        var plugins = build.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if ("spring-boot-maven-plugin".equals(childText(plugin, "artifactId"))) {
                String classifier = plugin.getElementsByTagName("classifier").item(0).getTextContent().trim();
                return finalName + "-" + classifier + ".jar";
            }
        }
        throw new IllegalStateException(service + " builds no Spring Boot jar");
    }

    private static Element pom(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static String childText(Element parent, String name) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        throw new IllegalStateException("no <" + name + "> in <" + parent.getTagName() + ">");
    }
}
