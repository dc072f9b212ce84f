package org.opengovinfo.service.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opengovinfo.service.Application;

/**
 * The real service as its own JVM (the shaded jar when {@code bench.serviceJar} names one, with its class data
 * sharing archive as the README starts it, else this classpath), started with a heap limit and a GC log so that
 * startup, peak heap and peak RSS are the process's own.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Pattern GC_AFTER = Pattern.compile("\\d+M->(\\d+)M\\(");

    private final Process process;
    private final Path gcLog;
    private final Api api;
    private final Duration startup;
    private long peakRssKiB;

    private ServiceProcess(Process process, Path gcLog, Api api, Duration startup) {
        this.process = process;
        this.gcLog = gcLog;
        this.api = api;
        this.startup = startup;
    }

    /**
     * Starts the service with {@code env} added to this environment and waits until it answers an authenticated
     * request.
     */
    static ServiceProcess start(Map<String, String> env, Path dir, String maxHeap, String token) throws Exception {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path gcLog = dir.resolve("gc-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-Xlog:gc:file=" + gcLog));
        String extra = System.getProperty("bench.jvmArgs", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        String jar = System.getProperty("bench.serviceJar");
        if (jar != null && !jar.isBlank()) {
            Path archive = Path.of(jar.replaceFirst("\\.jar$", ".jsa"));
            if (Files.exists(archive)) {
                command.add("-XX:SharedArchiveFile=" + archive);
            }
            command.addAll(List.of("-jar", jar));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Application.class.getName()));
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("ADMIN_TOKEN", token);
        pb.environment().put("ACCESS_LOG", "false");
        pb.environment().put("LOG_LEVEL", "WARN");
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("service.log").toFile()));
        Api api = new Api(port, token);
        long started = System.nanoTime();
        Process process = pb.start();
        long deadline = started + Duration.ofSeconds(120).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + dir.resolve("service.log"));
            }
            try {
                if (api.get("/api/v1/templates").status() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the service did not answer within 120 s; see " + dir.resolve("service.log"));
                }
            }
            Thread.sleep(5);
        }
        return new ServiceProcess(process, gcLog, api, Duration.ofNanos(System.nanoTime() - started));
    }

    Api api() {
        return api;
    }

    /** From launching the JVM to the first answered authenticated request. */
    Duration startup() {
        return startup;
    }

    /** CPU time the service process has used so far, user and system, in milliseconds (kernel clock ticks of 10 ms). */
    double cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // the command name in parentheses may hold spaces; the fields counted from after it are fixed
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
    }

    /** Peak resident set so far (VmHWM), in MiB. */
    long peakRssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                peakRssKiB = Math.max(peakRssKiB, Long.parseLong(line.replaceAll("\\D", "")));
            }
        }
        return peakRssKiB / 1024;
    }

    /**
     * Peak live heap so far, in MiB: the largest heap occupancy after a collection that the GC log shows (before a
     * collection the heap also holds garbage, as much as the limit allows), after forcing one collection so that
     * what is live now counts too.
     */
    long peakHeapMiB() throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), "GC.run").redirectErrorStream(true).start();
        jcmd.getInputStream().readAllBytes();
        jcmd.waitFor(60, TimeUnit.SECONDS);
        Thread.sleep(200);
        long peak = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_AFTER.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)));
            }
        }
        return peak;
    }

    @Override
    public void close() throws Exception {
        api.close();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
