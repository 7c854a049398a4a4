package vn.gov.par.localruntime;

import java.util.List;

/**
 * How far the JIT of the applications (the four services, the console and Keycloak) compiles their code. Starting
 * them is most of their CPU in a platform that lives minutes, and two cores shared by all of them bound a start.
 */
public enum Compilation {

    /** The JVM's default, both tiers, as production runs them: the local run and the benchmarks. */
    FULL(List.of()),

    /**
     * The first tier only: half the CPU to start (a service 26 CPU-seconds against 55, the whole platform ready after
     * 71 s against 137 on two cores), slower code once warm. For platforms that live minutes: the test suites'. The
     * fault suite took 7:54 against 12:47 with it, its undisturbed cascade 75 s against 148.
     */
    QUICK_START(List.of("-XX:TieredStopAtLevel=1"));

    private final List<String> jvmOptions;

    Compilation(List<String> jvmOptions) {
        this.jvmOptions = jvmOptions;
    }

    List<String> jvmOptions() {
        return jvmOptions;
    }
}
