package org.opengovinfo.service.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark harness at its smallest (the city on H2 and on PostgreSQL, few repetitions), so that it keeps
 * working: every measurement is taken, the service's consolidated root agrees with the reverse pass, and so do both
 * SQL baselines (the harness throws otherwise); on PostgreSQL a second instance takes half the PUTs and both
 * instances' rollups agree. The numbers themselves are not judged here; see docs/benchmarks.md.
 */
class ServiceBenchmarkSmokeTest {

    @Test
    void theHarnessMeasuresEveryQuantityAndChecksEveryWayAgainstTheOthers(@TempDir Path out) throws Exception {
        var settings = new ServiceBenchmark.Settings(List.of(Scale.CITY), List.of("h2", "postgresql"), 2, 10, 2, 0,
                "512m", out);

        List<ServiceBenchmark.ScaleResult> results = ServiceBenchmark.run(settings);

        assertEquals(1, results.size());
        var city = results.get(0);
        assertEquals(996, city.units());
        assertEquals(16, city.consolidatingUnits());
        assertTrue(city.baselines().reversePassMs() > 0 && city.baselines().postgresMs() > 0 && city.baselines().duckDbMs() > 0);
        var run = city.runs().get(0);
        assertEquals("h2", run.database());
        for (double measured : new double[] {run.startupEmptyMs(), run.ingestSeconds(), run.firstRollupMs(), run.warmRollupMs(),
                run.rollupAfterChangeMs(), run.pullP50Ms(), run.putP99Ms(), run.startupLoadedMs(), run.rollupAfterRestartMs()}) {
            assertTrue(measured > 0, "every quantity is measured: " + run);
        }
        assertTrue(run.peakHeapMiB() > 0 && run.peakRssMiB() > run.peakHeapMiB() / 2, "memory is read from the process: " + run);
        assertNull(run.twoInstances(), "H2 is one instance's");
        var postgres = city.runs().get(1);
        assertEquals("postgresql", postgres.database());
        assertTrue(postgres.twoInstances().putsPerSecond() > 0 && postgres.twoInstances().putP99Ms() > 0, postgres.toString());
        assertTrue(postgres.twoInstances().rollupsAgree(), "both instances roll up the same figures");
        String report = Files.readString(out.resolve("results.md"));
        assertTrue(report.contains("| city | h2 |") && report.contains("| city | postgresql |"), report);
        assertTrue(report.contains("### One and two service instances"), report);
        assertTrue(Files.size(out.resolve("results.json")) > 0);
    }
}
