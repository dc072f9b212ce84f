import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The smoke test's client (deploy/smoke): request bodies, concurrent writers and the check of what they were told.
 * Plain Java 17 without dependencies, compiled by the smoke script with javac. It talks HTTP/1.1 over kept-alive
 * sockets itself: java.net.http costs about a millisecond of CPU per request, on the same two cores as the service
 * it measures (see docs/benchmarks.md). Every loop is bounded in count and in time, and only 127.0.0.1 is allowed.
 *
 * <pre>
 *   units-body COUNTY PREFIX:N ...              the import body: the county and, below it, PREFIX0..PREFIX(N-1)
 *   batch-body YEAR PREFIX N VALUE              a batch: every PREFIXi with all cells = VALUE
 *   load URL TOKEN YEAR PREFIX UNITS CLIENTS COUNT SECONDS BASE
 *                                               COUNT PUTs from CLIENTS clients, each on units of its own; prints the rate
 *   writers URL TOKEN YEAR PREFIX UNITS CLIENTS SECONDS STOPFILE OUT
 *                                               PUTs until STOPFILE exists; OUT gets each unit's last acknowledged
 *                                               and last attempted value
 *   verify URL TOKEN YEAR EXPECTATIONS          each line "unit min max": the unit's figures are one value in [min, max]
 * </pre>
 */
public final class SmokeClient {

    /** The cells each submission fills (all = one value): valid in the 2021 template, as in KilledMidBatchTest. */
    static final List<String> CELLS = cells();

    private SmokeClient() {}

    private static List<String> cells() {
        List<String> cells = new ArrayList<>();
        for (String group : List.of("reconsideration", "litigation_direct", "litigation_after_reconsideration")) {
            for (String outcome : List.of("upheld", "corrected", "other", "pending")) {
                cells.add("s4." + group + "." + outcome);
            }
        }
        cells.add("s2_5.licensing.decisions");
        return List.copyOf(cells);
    }

    static String figures(long value) {
        StringBuilder json = new StringBuilder("{");
        for (String cell : CELLS) {
            json.append(json.length() > 1 ? "," : "").append('"').append(cell).append("\":").append(value);
        }
        return json.append('}').toString();
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "units-body" -> System.out.print(unitsBody(args[1], Arrays.copyOfRange(args, 2, args.length)));
            case "batch-body" -> System.out.print(batchBody(Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3]),
                    Long.parseLong(args[4])));
            case "load" -> load(args);
            case "writers" -> writers(args);
            case "verify" -> verify(args);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static String unitsBody(String county, String[] groups) {
        StringBuilder json = new StringBuilder("{\"units\":[{\"id\":\"" + county
                + "\",\"name\":\"县\",\"kind\":\"county\",\"fromYear\":2015}");
        for (String group : groups) {
            String prefix = group.substring(0, group.indexOf(':'));
            int n = Integer.parseInt(group.substring(group.indexOf(':') + 1));
            for (int i = 0; i < n; i++) {
                json.append(",{\"id\":\"").append(prefix).append(i).append("\",\"name\":\"镇\",\"kind\":\"town\",")
                        .append("\"fromYear\":2015,\"parent\":\"").append(county).append("\"}");
            }
        }
        return json.append("]}").toString();
    }

    static String batchBody(int year, String prefix, int n, long value) {
        StringBuilder json = new StringBuilder("{\"year\":" + year + ",\"submissions\":[");
        String figures = figures(value);
        for (int i = 0; i < n; i++) {
            json.append(i > 0 ? "," : "").append("{\"unit\":\"").append(prefix).append(i)
                    .append("\",\"figures\":").append(figures).append('}');
        }
        return json.append("]}").toString();
    }

    // ---------------------------------------------------------------------------------------------- load

    /** COUNT PUTs in all, each client on its own units (no two writers on one unit: no 409s), new content each. */
    static void load(String[] a) throws Exception {
        Target target = Target.of(a[1], a[2]);
        int year = Integer.parseInt(a[3]);
        String prefix = a[4];
        int units = Integer.parseInt(a[5]);
        int clients = Integer.parseInt(a[6]);
        int count = Integer.parseInt(a[7]);
        long deadline = System.nanoTime() + Long.parseLong(a[8]) * 1_000_000_000L;
        long base = Long.parseLong(a[9]);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        long[][] latencies = new long[clients][];
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(start(() -> {
                long[] mine = new long[count];
                int done = 0;
                long[] written = new long[units];
                try (Connection connection = new Connection(target)) {
                    for (int k = 0; next.getAndIncrement() < count && System.nanoTime() < deadline; k++) {
                        int unit = client + clients * (k % (units / clients));
                        long value = base + ++written[unit];
                        long t0 = System.nanoTime();
                        String status = connection.put("/api/v1/units/" + prefix + unit + "/figures/" + year,
                                "{\"figures\":" + figures(value) + "}");
                        mine[done++] = System.nanoTime() - t0;
                        if (status.equals("200") || status.equals("201")) {
                            ok.incrementAndGet();
                        } else {
                            failures.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                }
                latencies[client] = Arrays.copyOf(mine, done);
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        int sent = all.length;
        System.out.printf("requests=%d ok=%d failed=%d failures=%s client_retries=%d seconds=%.2f rate=%.0f "
                + "p50_ms=%.1f p99_ms=%.1f%n", sent, ok.get(), sent - ok.get(), new TreeMap<>(failures),
                Connection.RETRIES.get(), seconds, ok.get() / seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static Thread start(Runnable body) {
        Thread thread = new Thread(body);
        thread.start();
        return thread;
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
    }

    // ---------------------------------------------------------------------------------------------- writers

    /**
     * Writes until the stop file appears (or SECONDS pass): each client PUTs its own units in turn, every PUT a new
     * value one higher than the unit's last. A PUT counts as acknowledged only when it was answered 200/201; one
     * that failed may or may not have been stored, so afterwards a unit's value must lie between its last
     * acknowledged and its last attempted value.
     */
    static void writers(String[] a) throws Exception {
        Target target = Target.of(a[1], a[2]);
        int year = Integer.parseInt(a[3]);
        String prefix = a[4];
        int units = Integer.parseInt(a[5]);
        int clients = Integer.parseInt(a[6]);
        long deadline = System.nanoTime() + Long.parseLong(a[7]) * 1_000_000_000L;
        Path stop = Path.of(a[8]);
        Path out = Path.of(a[9]);
        long[] acked = new long[units];
        long[] attempted = new long[units];
        AtomicInteger ok = new AtomicInteger();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(start(() -> {
                Connection connection = new Connection(target);
                try {
                    for (int k = 0; !Files.exists(stop) && System.nanoTime() < deadline; k++) {
                        int unit = client + clients * (k % (units / clients));
                        long value = attempted[unit] + 1;
                        attempted[unit] = value;
                        String status = connection.put("/api/v1/units/" + prefix + unit + "/figures/" + year,
                                "{\"figures\":" + figures(value) + "}");
                        if (status.equals("200") || status.equals("201")) {
                            acked[unit] = value;
                            ok.incrementAndGet();
                        } else {
                            failures.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                            connection.close();
                            connection = new Connection(target);
                        }
                    }
                } finally {
                    connection.close();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            for (int u = 0; u < units / clients * clients; u++) {
                w.println(prefix + u + " " + acked[u] + " " + attempted[u]);
            }
        }
        int failed = failures.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.printf("ok=%d failed=%d failures=%s client_retries=%d%n", ok.get(), failed, new TreeMap<>(failures),
                Connection.RETRIES.get());
    }

    // ---------------------------------------------------------------------------------------------- verify

    /** Every unit of EXPECTATIONS ("unit min max" lines): all its cells hold one value v, min <= v <= max. */
    static void verify(String[] a) throws Exception {
        Target target = Target.of(a[1], a[2]);
        int year = Integer.parseInt(a[3]);
        List<String> lines = Files.readAllLines(Path.of(a[4]));
        Pattern cell = Pattern.compile("\"([a-z0-9_.]+)\":(\\d+)");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        try (Connection connection = new Connection(target)) {
            for (String line : lines) {
                String[] f = line.trim().split("\\s+");
                String unit = f[0];
                long min = Long.parseLong(f[1]);
                long max = Long.parseLong(f[2]);
                Response r = connection.send("GET", "/api/v1/units/" + unit + "/figures/" + year, null);
                checked++;
                if (!r.status.equals("200")) {
                    if (!(min == 0 && r.status.equals("404"))) {
                        problems.add(unit + ": HTTP " + r.status + " " + r.body);
                    }
                    continue;
                }
                String figures = r.body.substring(r.body.indexOf("\"figures\":"));
                Map<String, Long> values = new HashMap<>();
                Matcher m = cell.matcher(figures);
                while (m.find()) {
                    values.put(m.group(1), Long.parseLong(m.group(2)));
                }
                Long v = values.get(CELLS.get(0));
                boolean whole = v != null && CELLS.stream().allMatch(c -> v.equals(values.get(c)));
                if (!whole) {
                    problems.add(unit + ": not one submission's figures: " + values);
                } else if (v < min || v > max) {
                    problems.add(unit + ": value " + v + " outside the acknowledged [" + min + ", " + max + "]");
                }
            }
        }
        System.out.printf("checked=%d problems=%d%n", checked, problems.size());
        problems.stream().limit(20).forEach(p -> System.out.println("  " + p));
        if (!problems.isEmpty()) {
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------------------------------------- HTTP

    record Target(String host, int port, String token) {
        static Target of(String url, String token) {
            URI uri = URI.create(url);
            if (!uri.getHost().equals("127.0.0.1") && !uri.getHost().equals("localhost")) {
                throw new IllegalArgumentException("the smoke client only talks to this machine: " + url);
            }
            return new Target(uri.getHost(), uri.getPort(), token);
        }
    }

    record Response(String status, String body) {}

    /**
     * One kept-alive HTTP/1.1 connection; reconnects once when the server closed it. A request that fails twice
     * answers with the status "io:" and the exception, counted as a failure by the caller.
     */
    static final class Connection implements AutoCloseable {
        /** requests this client sent again itself on a new socket: nginx, not the client, should hide failures */
        static final AtomicInteger RETRIES = new AtomicInteger();
        private final Target target;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(Target target) {
            this.target = target;
        }

        String put(String path, String body) {
            return send("PUT", path, body).status;
        }

        Response send(String method, String path, String body) {
            for (int attempt = 0; ; attempt++) {
                boolean reused = socket != null;
                try {
                    return exchange(method, path, body);
                } catch (IOException e) {
                    close();
                    // a kept-alive socket the server closed meanwhile is retried once on a new one, as browsers do
                    if (!reused || attempt > 0) {
                        return new Response("io:" + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                    }
                    RETRIES.incrementAndGet();
                }
            }
        }

        private Response exchange(String method, String path, String body) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.connect(new InetSocketAddress(target.host, target.port), 5_000);
                socket.setSoTimeout(120_000);
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream());
                out = socket.getOutputStream();
            }
            byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + target.host + ":" + target.port
                    + "\r\nAuthorization: Bearer " + target.token
                    + (body == null ? "" : "\r\nContent-Type: application/json")
                    + "\r\nContent-Length: " + payload.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            String statusLine = line();
            String[] parts = statusLine.split(" ");
            if (parts.length < 2) {
                throw new IOException("no status line: " + statusLine);
            }
            int length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            byte[] content;
            if (chunked) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    all.write(in.readNBytes(size));
                    line();
                }
                line();
                content = all.toByteArray();
            } else {
                content = length >= 0 ? in.readNBytes(length) : new byte[0];
            }
            if (close) {
                close();
            }
            return new Response(parts[1], new String(content, StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    s.append((char) c);
                }
            }
            return s.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
        }
    }
}
