package vn.gov.par.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class DockerfileTest {

    final DockerfileInstructions dockerfile = DockerfileInstructions.read(Repository.DEPLOYMENT.resolve("Dockerfile"));

    @ParameterizedTest
    @FieldSource("vn.gov.par.deployment.Repository#SERVICES")
    void copiesTheRunnableJarEachServiceModuleBuilds(String service) {
        String jar = service + "/target/" + Repository.runnableJarName(service);

        assertThat(dockerfile.contextSources()).containsExactly("${MODULE}/target/${MODULE}-exec.jar");
        assertThat(dockerfile.contextSources().get(0).replace("${MODULE}", service)).isEqualTo(jar);
        assertThat(Repository.text(Repository.DEPLOYMENT.resolve("Dockerfile.dockerignore")).lines()).contains("!" + jar);
    }

    @Test
    void runsOnAJava17RuntimeAsAnUnprivilegedUser() {
        assertThat(dockerfile.baseImages()).allMatch(image -> image.startsWith("eclipse-temurin:17-jre"));
        assertThat(Integer.parseInt(dockerfile.user().split(":")[0])).isPositive();
        assertThat(Integer.parseInt(dockerfile.user().split(":")[1])).isPositive();
    }

    @Test
    void sizesTheHeapFromTheContainersMemoryAndKeepsVietnameseTimeAndUtf8() {
        var environment = dockerfile.environment();

        assertThat(environment.get("JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=", "-Dfile.encoding=UTF-8",
                "-Duser.timezone=Asia/Ho_Chi_Minh").doesNotContain("-Xmx");
        assertThat(environment).containsEntry("TZ", "Asia/Ho_Chi_Minh");
        assertThat(environment.get("LANG")).endsWith("UTF-8");
    }
}
